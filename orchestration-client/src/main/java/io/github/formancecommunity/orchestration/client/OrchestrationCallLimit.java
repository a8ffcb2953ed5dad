package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The time limit of the call running on the current thread ({@code formance.orchestration.limits.call-timeout},
 * {@link OrchestrationClientBuilder#callTimeout(Duration)}), for interceptors that wait or try again, such as a
 * retry: no attempt should start, and no back-off should wait, past it. The limit starts when the call enters the
 * client, before the first interceptor, and covers every attempt and every wait between them.
 */
public final class OrchestrationCallLimit {

    private OrchestrationCallLimit() {
    }

    /**
     * The time left before the current call's limit expires: zero or negative once it has expired, empty when no
     * call of an {@link OrchestrationV1Client} is running on this thread.
     */
    public static Optional<Duration> remaining() {
        CallDeadline deadline = CallDeadline.current();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline.remainingNanos()));
    }

    /**
     * The exception that ends the current call because its limit has expired, or would expire before another
     * attempt could start: it names the limit, its property and the time the call has taken.
     *
     * @param operation   the operation of the call
     * @param lastFailure the failure of the last attempt, kept as the cause; may be {@code null}
     * @throws IllegalStateException when no call is running on this thread
     */
    public static OrchestrationTimeoutException expired(OrchestrationOperation operation, Throwable lastFailure) {
        CallDeadline deadline = CallDeadline.current();
        if (deadline == null) {
            throw new IllegalStateException("no Orchestration call is running on this thread");
        }
        return deadline.expiredException(operation, lastFailure);
    }
}
