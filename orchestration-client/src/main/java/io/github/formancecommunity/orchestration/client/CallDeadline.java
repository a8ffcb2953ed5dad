package io.github.formancecommunity.orchestration.client;

import java.time.Duration;

/**
 * The deadline of the call running on the current thread, set by the client around the interceptor chain and read
 * by the transport (to bound each attempt) and by the retry (to stop retrying in time). A call runs on its
 * caller's thread from start to end, so a thread-local holds it.
 */
final class CallDeadline {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();

    private final long start;
    private final long end;
    private final Duration callLimit;
    private final Duration attemptLimit;

    private CallDeadline(long start, Duration callLimit, Duration attemptLimit) {
        this.start = start;
        this.end = start + callLimit.toNanos();
        this.callLimit = callLimit;
        this.attemptLimit = attemptLimit;
    }

    /**
     * Starts the deadline of a call on this thread; a call already running on it keeps its own.
     *
     * @return what ends it, to be closed when the call ends
     */
    static Scope start(Duration callLimit, Duration attemptLimit) {
        CallDeadline previous = CURRENT.get();
        CURRENT.set(new CallDeadline(System.nanoTime(), callLimit, attemptLimit));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        };
    }

    /** The deadline of the call running on this thread, {@code null} outside a call. */
    static CallDeadline current() {
        return CURRENT.get();
    }

    /** Nanoseconds left until the call's deadline; zero or less once it has passed. */
    long remainingNanos() {
        return end - System.nanoTime();
    }

    /** Whether the call's deadline has passed. */
    boolean expired() {
        return remainingNanos() <= 0;
    }

    /** How long the call has been running. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    Duration callLimit() {
        return callLimit;
    }

    Duration attemptLimit() {
        return attemptLimit;
    }

    /** The deadline's timeout exception: which limit expired and after how long. */
    OrchestrationTimeoutException expiredException(OrchestrationOperation operation, Throwable cause) {
        return new OrchestrationTimeoutException(operation, name(operation) + " exceeded its call time limit of "
                + Durations.text(callLimit) + " (" + Deadlines.CALL_PROPERTY + ") after " + Durations.text(elapsed())
                + ", retries and back-offs included", cause);
    }

    static String name(OrchestrationOperation operation) {
        return operation == null ? "request" : operation.operationId();
    }

    /** Ends a call's deadline. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
