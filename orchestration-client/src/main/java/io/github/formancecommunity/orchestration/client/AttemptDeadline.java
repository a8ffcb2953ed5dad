package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of one attempt: the attempt's own limit or, when it comes first, the call's. When it expires, a
 * timer aborts the request wherever it is (connecting, sending, waiting for headers, streaming the body), which
 * discards the connection. Ended when the response body is closed.
 */
final class AttemptDeadline implements Runnable {

    private final AbortableRequest request;
    private final OrchestrationOperation operation;
    private final CallDeadline call;
    private final Duration attemptLimit;
    private final boolean callComesFirst;
    private final long start = System.nanoTime();
    private volatile boolean expired;
    private volatile ScheduledFuture<?> timer;

    private AttemptDeadline(AbortableRequest request, OrchestrationOperation operation, CallDeadline call,
            Duration attemptLimit, boolean callComesFirst) {
        this.request = request;
        this.operation = operation;
        this.call = call;
        this.attemptLimit = attemptLimit;
        this.callComesFirst = callComesFirst;
    }

    /**
     * Arms the deadline of an attempt about to start.
     *
     * @param fallback the attempt limit when no call deadline is set on this thread
     * @throws OrchestrationTimeoutException when the call's deadline has passed already
     */
    static AttemptDeadline arm(AbortableRequest request, OrchestrationOperation operation, Duration fallback,
            ScheduledExecutorService timers) {
        CallDeadline call = CallDeadline.current();
        Duration attemptLimit = call != null ? call.attemptLimit() : fallback;
        long delay = attemptLimit.toNanos();
        boolean callComesFirst = false;
        if (call != null && call.remainingNanos() < delay) {
            delay = call.remainingNanos();
            callComesFirst = true;
            if (delay <= 0) {
                throw call.expiredException(operation, null);
            }
        }
        AttemptDeadline deadline = new AttemptDeadline(request, operation, call, attemptLimit, callComesFirst);
        deadline.timer = timers.schedule(deadline, delay, TimeUnit.NANOSECONDS);
        return deadline;
    }

    @Override
    public void run() {
        expired = true;
        request.cancel();
    }

    /**
     * Aborts the request now, whatever its deadline: its connection is closed and discarded, and nothing more of
     * the response is read (closing a response normally reads the rest of its body).
     */
    void abort() {
        request.cancel();
    }

    /** Whether the deadline has expired and the request was aborted. */
    boolean expired() {
        return expired;
    }

    /** Stops the timer; the deadline no longer applies. */
    void end() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** The exception that ends the call: which limit expired and after how long. */
    OrchestrationTimeoutException exception(Throwable cause) {
        if (callComesFirst) {
            return call.expiredException(operation, cause);
        }
        return new OrchestrationTimeoutException(operation, CallDeadline.name(operation)
                + " exceeded its attempt time limit of " + Durations.text(attemptLimit) + " ("
                + Deadlines.ATTEMPT_PROPERTY + ") after " + Durations.text(Duration.ofNanos(System.nanoTime() - start))
                + "; the connection was discarded", cause);
    }
}
