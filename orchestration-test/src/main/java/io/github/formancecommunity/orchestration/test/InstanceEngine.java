package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs instances: a single background scheduler thread executes every stage transition in order, and fires the
 * timers of {@code delay} stages. Requests that start, signal or cancel an instance hand their work to that
 * thread and wait until it has settled (the instance runs or blocks), so that the next request sees a stable state.
 */
final class InstanceEngine implements AutoCloseable {

    /** How long a request waits for the scheduler to settle a transition; transitions take microseconds. */
    private static final long SETTLE_SECONDS = 30;

    private final Store store;
    private final Clock clock;
    private final Duration maxDelay;
    private final StageInterpreter interpreter;
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile Thread engineThread;

    InstanceEngine(Store store, Clock clock, Duration maxDelay) {
        this.store = store;
        this.clock = clock;
        this.maxDelay = maxDelay;
        this.interpreter = new StageInterpreter(store);
        ThreadFactory threads = NamedThreads.daemon("embedded-orchestration-engine");
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = threads.newThread(runnable);
            engineThread = thread;
            return thread;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * A new instance and its body as {@code runWorkflow} answers it, taken before any stage started.
     *
     * @param record  the stored instance
     * @param created the instance as it was created (no {@code status}, no {@code workflow})
     */
    record Started(InstanceRecord record, ObjectNode created) {
    }

    /** The outcome of {@code sendEvent}. */
    enum SignalResult {
        /** The running {@code wait_event} stage waited for that event and completed. */
        ACCEPTED,
        /** No stage waits for that event; it was dropped. */
        IGNORED,
        /** No such instance. */
        UNKNOWN,
        /** The instance has ended. */
        TERMINATED
    }

    /** The outcome of {@code cancelEvent}. */
    enum CancelResult {
        /** The running instance was terminated with error {@code canceled}. */
        CANCELED,
        /** No such instance. */
        UNKNOWN,
        /** The instance had already ended. */
        TERMINATED
    }

    /** Creates an instance of {@code workflow} and runs its stages until they end or block. */
    Started start(WorkflowRecord workflow, Map<String, String> variables) {
        Instant exact = Timestamps.exact(clock);
        InstanceRecord instance = new InstanceRecord(UUID.randomUUID().toString(), workflow.id,
                UUID.randomUUID().toString(), Timestamps.stored(exact), variables);
        ObjectNode created;
        synchronized (store) {
            store.add(instance);
            created = WireRenderer.instance(instance, null, false);
        }
        // The real server answers with the instance it holds in memory, before Postgres drops the nanoseconds.
        created.put("createdAt", Timestamps.format(exact));
        created.put("updatedAt", Timestamps.format(exact));
        onEngine(() -> {
            advance(instance);
            return null;
        });
        return new Started(instance, created);
    }

    SignalResult signal(String instanceId, String event) {
        return onEngine(() -> {
            synchronized (store) {
                InstanceRecord instance = store.instance(instanceId);
                if (instance == null || instance.stages.isEmpty()) {
                    // The real server signals the instance's last stage row; without one it finds no row.
                    return SignalResult.UNKNOWN;
                }
                if (instance.isTerminated()) {
                    return SignalResult.TERMINATED;
                }
                if (instance.awaitedEvent != null && instance.awaitedEvent.equals(event)) {
                    finishBlockedStage(instance, instance.currentStage().number);
                    return SignalResult.ACCEPTED;
                }
                return SignalResult.IGNORED;
            }
        });
    }

    CancelResult cancel(String instanceId) {
        return onEngine(() -> {
            synchronized (store) {
                InstanceRecord instance = store.instance(instanceId);
                if (instance == null) {
                    return CancelResult.UNKNOWN;
                }
                if (instance.isTerminated()) {
                    return CancelResult.TERMINATED;
                }
                Instant now = Timestamps.exact(clock);
                StageRecord current = instance.currentStage();
                if (current != null && current.terminatedAt == null) {
                    current.terminate(now, "canceled");
                }
                terminate(instance, "canceled", now);
                return CancelResult.CANCELED;
            }
        });
    }

    /** Waits until the instance ends; {@code false} when it is still running after {@code timeout}. */
    boolean awaitTermination(InstanceRecord instance, Duration timeout) {
        try {
            instance.done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (TimeoutException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException ex) {
            return true;
        }
    }

    /** Stops the timers of the given (dropped) instances and releases anyone waiting for them. */
    void forget(List<InstanceRecord> instances) {
        synchronized (store) {
            for (InstanceRecord instance : instances) {
                if (instance.pendingDelay != null) {
                    instance.pendingDelay.cancel(false);
                    instance.pendingDelay = null;
                }
                instance.done.complete(null);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        forget(store.instances());
    }

    private void advance(InstanceRecord instance) {
        synchronized (store) {
            while (!instance.isTerminated() && instance.awaitedEvent == null && instance.pendingDelay == null) {
                Instant now = Timestamps.exact(clock);
                WorkflowRecord workflow = store.workflow(instance.workflowId);
                List<ObjectNode> stages = workflow == null ? List.of() : workflow.stageList();
                if (instance.nextStage >= stages.size()) {
                    terminate(instance, null, now);
                    return;
                }
                StageRecord stage = new StageRecord(instance.nextStage++, now);
                instance.stages.add(stage);
                ObjectNode raw = stages.get(stage.number);
                String type = raw.propertyNames().iterator().next();
                StageStep step;
                try {
                    JsonNode spec = StageSchema.resolve(type, raw.get(type), instance.variables);
                    String invalid = StageValidator.validate(type, spec);
                    step = invalid != null ? new StageStep.Failed(invalid) : interpreter.begin(stage, type, spec, now);
                }
                catch (StageFailure | StageSchema.ResolveException failure) {
                    step = new StageStep.Failed(failure.getMessage());
                }
                apply(instance, stage, step, now);
            }
        }
    }

    private void apply(InstanceRecord instance, StageRecord stage, StageStep step, Instant now) {
        if (step instanceof StageStep.Completed) {
            stage.terminate(now, null);
        }
        else if (step instanceof StageStep.Failed failed) {
            stage.terminate(now, failed.error());
            terminate(instance, failed.error(), now);
        }
        else if (step instanceof StageStep.AwaitEvent await) {
            instance.awaitedEvent = await.event();
        }
        else if (step instanceof StageStep.Wait wait) {
            Duration delay = maxDelay != null && wait.duration().compareTo(maxDelay) > 0 ? maxDelay : wait.duration();
            int number = stage.number;
            instance.pendingDelay = scheduler.schedule(() -> {
                synchronized (store) {
                    finishBlockedStage(instance, number);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Completes the blocked stage {@code number} (event received, delay elapsed) and runs the next ones. */
    private void finishBlockedStage(InstanceRecord instance, int number) {
        StageRecord current = instance.currentStage();
        if (instance.isTerminated() || current == null || current.number != number) {
            return;
        }
        current.terminate(Timestamps.exact(clock), null);
        instance.awaitedEvent = null;
        instance.pendingDelay = null;
        advance(instance);
    }

    private static void terminate(InstanceRecord instance, String error, Instant at) {
        instance.terminatedAt = Timestamps.stored(at);
        instance.error = error;
        instance.awaitedEvent = null;
        if (instance.pendingDelay != null) {
            instance.pendingDelay.cancel(false);
            instance.pendingDelay = null;
        }
        instance.done.complete(null);
    }

    private <T> T onEngine(Callable<T> work) {
        if (Thread.currentThread() == engineThread) {
            try {
                return work.call();
            }
            catch (RuntimeException ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        Future<T> future;
        try {
            future = scheduler.submit(work);
        }
        catch (RejectedExecutionException ex) {
            throw ApiException.internal("the embedded server is shutting down");
        }
        try {
            return future.get(SETTLE_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted while the run settled");
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            throw ApiException.internal("the run did not settle within " + SETTLE_SECONDS + "s");
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }
}
