package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.github.formancecommunity.orchestration.client.model.StageStatus;
import io.github.formancecommunity.orchestration.client.model.StageWaitEvent;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;

/**
 * Waits, bounded and with back-off, for an instance to reach a state, by polling the V1 operations
 * ({@code getInstance}, {@code getInstanceHistory}); it adds no endpoint.
 *
 * <p>The server drops an event sent before the instance's {@code wait_event} stage runs (the call still answers
 * 204), so an event must be sent only once the instance waits for it: {@link #sendEventWhenWaiting} does that.
 *
 * <pre>{@code
 * InstanceWaiter waiter = InstanceWaiter.of(orchestration).withTimeout(Duration.ofSeconds(10));
 * WorkflowInstance instance = orchestration.runWorkflow(workflowId, Map.of("amount", "100"));
 * waiter.sendEventWhenWaiting(instance.id(), "processed");
 * WorkflowInstance ended = waiter.untilTerminated(instance.id());
 * }</pre>
 *
 * <p>Every wait ends with the awaited state, an {@link OrchestrationWaitTimeoutException} when the time-out passes
 * first, or an {@link OrchestrationWaitException} as soon as the state can no longer be reached (the instance
 * ended, or the awaited stage failed); both say what was last seen. Failures of the polling calls themselves
 * propagate unchanged. Instances of this class are immutable and thread-safe.
 */
public final class InstanceWaiter {

    /** The default time a wait may take: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The default pause after the first poll: 50 ms, doubled after each poll. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(50);
    /** The default longest pause between two polls: 1 second. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);

    private static final String WAIT_EVENT_STAGE = "RunWaitEvent";

    /** What a stage must have done for {@link #untilStage} to return. */
    public enum StageState {
        /** The stage has a status row: it has started (and may have ended). */
        STARTED,
        /** The stage has ended, with or without an error. */
        TERMINATED,
        /** The stage has ended without an error; a stage error ends the wait with an exception. */
        SUCCEEDED,
        /** The stage has ended with an error; a success ends the wait with an exception. */
        FAILED
    }

    private final OrchestrationV1 client;
    private final Duration timeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private InstanceWaiter(OrchestrationV1 client, Duration timeout, Duration initialBackoff, Duration maxBackoff) {
        this.client = client;
        this.timeout = timeout;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A waiter that polls through {@code client} with the default time-out and back-off. */
    public static InstanceWaiter of(OrchestrationV1 client) {
        return new InstanceWaiter(Objects.requireNonNull(client, "client"), DEFAULT_TIMEOUT, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF);
    }

    /**
     * A copy with another time-out.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public InstanceWaiter withTimeout(Duration timeout) {
        return new InstanceWaiter(client, positive(timeout, "timeout"), initialBackoff, maxBackoff);
    }

    /**
     * A copy with another back-off: the first pause is {@code initial}, each next one doubles, up to {@code max}.
     *
     * @throws IllegalArgumentException when a pause is not positive or {@code max} is less than {@code initial}
     */
    public InstanceWaiter withBackoff(Duration initial, Duration max) {
        positive(initial, "initial back-off");
        positive(max, "max back-off");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max back-off (" + max.toMillis() + " ms) must be at least the "
                    + "initial back-off (" + initial.toMillis() + " ms)");
        }
        return new InstanceWaiter(client, timeout, initial, max);
    }

    /** The time a wait may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Waits until the instance's running stage is a {@code wait_event} for {@code eventName}.
     *
     * @param instanceId the instance
     * @param eventName  the event the stage waits for
     * @return the history entry of the waiting stage
     * @throws OrchestrationWaitException        when the instance ends without waiting for that event
     * @throws OrchestrationWaitTimeoutException when the time-out passes first
     */
    public WorkflowInstanceHistory untilWaitingFor(String instanceId, String eventName) {
        requireText(instanceId, "instanceId");
        requireText(eventName, "eventName");
        String awaited = "instance " + instanceId + " to wait for event '" + eventName + "'";
        return poll(OrchestrationOperation.GET_INSTANCE_HISTORY, awaited, () -> {
            List<WorkflowInstanceHistory> history = client.getInstanceHistory(instanceId);
            String seen = describe(history);
            for (WorkflowInstanceHistory entry : history) {
                if (!entry.terminated() && eventName.equals(waitedEvent(entry).orElse(null))) {
                    return Poll.done(entry, seen);
                }
            }
            if (history.stream().allMatch(WorkflowInstanceHistory::terminated)) {
                WorkflowInstance instance = client.getInstance(instanceId);
                if (instance.terminated()) {
                    return Poll.impossible(seen + "; " + describe(instance));
                }
            }
            return Poll.pending(seen);
        });
    }

    /**
     * Waits until the instance has ended, successfully or not ({@link WorkflowInstance#isFailed()} tells).
     *
     * @param instanceId the instance
     * @return the ended instance
     * @throws OrchestrationWaitTimeoutException when the time-out passes first
     */
    public WorkflowInstance untilTerminated(String instanceId) {
        requireText(instanceId, "instanceId");
        return poll(OrchestrationOperation.GET_INSTANCE, "instance " + instanceId + " to terminate", () -> {
            WorkflowInstance instance = client.getInstance(instanceId);
            return instance.terminated() ? Poll.done(instance, describe(instance)) : Poll.pending(describe(instance));
        });
    }

    /**
     * Waits until stage {@code stageNumber} of the instance reaches {@code state}.
     *
     * @param instanceId  the instance
     * @param stageNumber the 0-based stage index
     * @param state       what the stage must have done
     * @return the stage's status row
     * @throws OrchestrationWaitException        when the stage can no longer reach {@code state}: the instance ended
     *                                           without it, or it ended the other way ({@code SUCCEEDED} awaited and
     *                                           it failed, or the reverse)
     * @throws OrchestrationWaitTimeoutException when the time-out passes first
     */
    public StageStatus untilStage(String instanceId, int stageNumber, StageState state) {
        requireText(instanceId, "instanceId");
        if (stageNumber < 0) {
            throw new IllegalArgumentException("stageNumber must be 0 or more, got " + stageNumber);
        }
        Objects.requireNonNull(state, "state");
        String awaited = "stage " + stageNumber + " of instance " + instanceId + " to be "
                + state.name().toLowerCase(Locale.ROOT);
        return poll(OrchestrationOperation.GET_INSTANCE, awaited, () -> {
            WorkflowInstance instance = client.getInstance(instanceId);
            String seen = describe(instance);
            Optional<StageStatus> row = instance.status().stream()
                    .filter(status -> status.stageNumber() == stageNumber).findFirst();
            if (row.isPresent()) {
                StageStatus stage = row.get();
                boolean ended = stage.isTerminated() || stage.error() != null;
                boolean failed = stage.error() != null;
                switch (state) {
                    case STARTED:
                        return Poll.done(stage, seen);
                    case TERMINATED:
                        if (ended) {
                            return Poll.done(stage, seen);
                        }
                        break;
                    case SUCCEEDED:
                        if (failed) {
                            return Poll.impossible(seen);
                        }
                        if (ended) {
                            return Poll.done(stage, seen);
                        }
                        break;
                    case FAILED:
                        if (failed) {
                            return Poll.done(stage, seen);
                        }
                        if (ended) {
                            return Poll.impossible(seen);
                        }
                        break;
                    default:
                        throw new IllegalStateException(state.name());
                }
            }
            return instance.terminated() ? Poll.impossible(seen) : Poll.pending(seen);
        });
    }

    /**
     * Waits until the instance waits for {@code eventName} ({@link #untilWaitingFor}), then sends it. Use it
     * instead of a bare {@code sendEvent} right after {@code runWorkflow}: the server accepts and drops an event
     * that arrives before its {@code wait_event} stage runs.
     *
     * @param instanceId the instance to signal (first argument, as in {@link OrchestrationV1#sendEvent})
     * @param eventName  the event's name
     * @throws OrchestrationWaitException        when the instance ends without waiting for that event
     * @throws OrchestrationWaitTimeoutException when the time-out passes first
     */
    public void sendEventWhenWaiting(String instanceId, String eventName) {
        untilWaitingFor(instanceId, eventName);
        client.sendEvent(instanceId, eventName);
    }

    private <T> T poll(OrchestrationOperation operation, String awaited, PollStep<T> step) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = initialBackoff.toNanos();
        int polls = 0;
        while (true) {
            Poll<T> result = step.poll();
            polls++;
            if (result.done) {
                return result.value;
            }
            if (result.impossible) {
                throw new OrchestrationWaitException(operation, "Stopped waiting for " + awaited
                        + ": it can no longer happen; last seen: " + result.seen, result.seen);
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                Duration waited = Duration.ofNanos(now - start);
                throw new OrchestrationWaitTimeoutException(operation, "Timed out after " + waited.toMillis()
                        + " ms (" + polls + " polls) waiting for " + awaited + "; last seen: " + result.seen,
                        result.seen, waited);
            }
            sleep(Math.min(pause, deadline - now), operation, awaited, result.seen);
            pause = Math.min(maxBackoff.toNanos(), pause * 2);
        }
    }

    private static void sleep(long nanos, OrchestrationOperation operation, String awaited, String seen) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new OrchestrationWaitException(operation, "Interrupted while waiting for " + awaited
                    + "; last seen: " + seen, seen);
        }
    }

    private static Optional<String> waitedEvent(WorkflowInstanceHistory entry) {
        if (!WAIT_EVENT_STAGE.equals(entry.name())) {
            return Optional.empty();
        }
        return entry.waitEventInput().map(StageWaitEvent::event);
    }

    static String describe(List<WorkflowInstanceHistory> history) {
        if (history.isEmpty()) {
            return "no stage started";
        }
        int index = history.size() - 1;
        WorkflowInstanceHistory last = history.get(index);
        String state = last.error() != null ? "failed (" + last.error() + ")"
                : last.terminated() ? "terminated" : "running";
        String event = waitedEvent(last).map(name -> "(" + name + ")").orElse("");
        return "history entry " + index + " " + last.name() + event + " " + state;
    }

    static String describe(WorkflowInstance instance) {
        StringBuilder text = new StringBuilder("instance ");
        text.append(instance.terminated() ? "terminated" : "running");
        if (instance.error() != null) {
            text.append(" with error '").append(instance.error()).append('\'');
        }
        List<StageStatus> status = instance.status();
        if (!status.isEmpty()) {
            StageStatus last = status.get(status.size() - 1);
            text.append(", stage ").append(last.stageNumber()).append(' ')
                    .append(last.error() != null ? "failed (" + last.error() + ")"
                            : last.isTerminated() ? "terminated" : "running");
        }
        return text.toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be " + (value == null ? "null" : "blank"));
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got "
                    + (value == null ? "null" : value.toMillis() + " ms"));
        }
        return value;
    }

    @FunctionalInterface
    private interface PollStep<T> {
        Poll<T> poll();
    }

    private static final class Poll<T> {
        private final T value;
        private final boolean done;
        private final boolean impossible;
        private final String seen;

        private Poll(T value, boolean done, boolean impossible, String seen) {
            this.value = value;
            this.done = done;
            this.impossible = impossible;
            this.seen = seen;
        }

        static <T> Poll<T> done(T value, String seen) {
            return new Poll<>(value, true, false, seen);
        }

        static <T> Poll<T> pending(String seen) {
            return new Poll<>(null, false, false, seen);
        }

        static <T> Poll<T> impossible(String seen) {
            return new Poll<>(null, false, true, seen);
        }
    }

    @Override
    public String toString() {
        return "InstanceWaiter[timeout=" + timeout + ", backoff=" + initialBackoff + ".." + maxBackoff + "]";
    }
}
