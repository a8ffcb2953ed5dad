package io.github.formancecommunity.orchestration.client;

import java.time.Duration;

/**
 * The time limits of a client's calls: one for each attempt (connect, send, response headers and body) and one for
 * the whole call, retries and back-offs included. {@code runWorkflow} with {@code wait=true} has its own pair,
 * never shorter than its connect and run-wait time-outs together.
 *
 * @param attempt        the limit of one attempt of an ordinary call
 * @param call           the limit of an ordinary call, retries included
 * @param runWaitAttempt the limit of one attempt of {@code runWorkflow} with {@code wait=true}
 * @param runWaitCall    the limit of a {@code runWorkflow} call with {@code wait=true}
 */
record Deadlines(Duration attempt, Duration call, Duration runWaitAttempt, Duration runWaitCall) {

    /** The property that sets the attempt limit, for messages. */
    static final String ATTEMPT_PROPERTY = "formance.orchestration.limits.attempt-timeout";
    /** The property that sets the call limit, for messages. */
    static final String CALL_PROPERTY = "formance.orchestration.limits.call-timeout";

    /**
     * Derives the limits from the settings: an unset attempt limit is the connect time-out plus the read time-out
     * (35 s with the defaults); an unset call limit is twice the attempt limit (70 s), room for one attempt that
     * uses all of its time and a retry that does too. The run-wait pair is at least connect plus run-wait.
     *
     * @param connect the connect time-out
     * @param read    the read time-out
     * @param runWait the read time-out of {@code runWorkflow} with {@code wait=true}
     * @param attempt the configured attempt limit, {@code null} for the derived one
     * @param call    the configured call limit, {@code null} for the derived one
     */
    static Deadlines of(Duration connect, Duration read, Duration runWait, Duration attempt, Duration call) {
        Duration attemptLimit = attempt != null ? attempt : connect.plus(read);
        Duration callLimit = call != null ? call : attemptLimit.multipliedBy(2);
        Duration runWaitFloor = connect.plus(runWait);
        Duration runWaitAttempt = max(attemptLimit, runWaitFloor);
        return new Deadlines(attemptLimit, callLimit, runWaitAttempt, max(callLimit, runWaitAttempt));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
