package io.github.formancecommunity.orchestration.client.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;

/**
 * Retries idempotent operations ({@link OrchestrationOperation#isIdempotent()}: GET, DELETE and the PUT abort;
 * never a POST) on the caller's thread.
 *
 * <p>Retried failures: an {@link OrchestrationTransportException} (including time-outs) and an
 * {@link OrchestrationApiException} with status 429, 502, 503 or 504. Everything else, an
 * {@link OrchestrationCircuitOpenException} in particular, is thrown at once. After the last attempt the last
 * failure is thrown.
 *
 * <p>Before retry {@code n} (0 for the first retry) the interceptor waits
 * {@code initialBackoff × multiplier^n}, capped at {@code maxBackoff}. When the failure carries a
 * {@code Retry-After}, the wait is the longer of the two, still capped at {@code maxBackoff}. No jitter is added.
 * An interrupt while waiting ends the retries: the interrupt flag is restored and the last failure is thrown.
 */
public final class OrchestrationRetryInterceptor implements OrchestrationCallInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OrchestrationRetryInterceptor.class);

    private final int maxAttempts;
    private final Duration maxBackoff;
    private final Duration[] backoffs;
    private final Sleeper sleeper;

    /**
     * Creates the interceptor. The values are not checked here: {@code OrchestrationClientBuilder#retry} checks
     * them for plain Java, the starter's property validator for {@code formance.orchestration.retry.*}.
     *
     * @param maxAttempts    attempts in total, the first one included, at least 1; 1 disables retries
     * @param initialBackoff wait before the first retry, zero or more
     * @param maxBackoff     longest wait, at least {@code initialBackoff}
     * @param multiplier     factor applied to the wait after each retry, a finite number of at least 1
     */
    public OrchestrationRetryInterceptor(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            double multiplier) {
        this(maxAttempts, initialBackoff, maxBackoff, multiplier, Sleeper.THREAD);
    }

    OrchestrationRetryInterceptor(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
            Sleeper sleeper) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.backoffs = backoffs(this.maxAttempts, Objects.requireNonNull(initialBackoff, "initialBackoff"),
                maxBackoff, multiplier);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    private static Duration[] backoffs(int maxAttempts, Duration initial, Duration max, double multiplier) {
        Duration[] waits = new Duration[maxAttempts - 1];
        double nanos = initial.toNanos();
        for (int i = 0; i < waits.length; i++) {
            waits[i] = nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
            nanos = nanos * multiplier;
        }
        return waits;
    }

    /** Attempts in total, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The back-off before each retry, in order, without {@code Retry-After}.
     *
     * @return {@code maxAttempts - 1} durations
     */
    public List<Duration> backoffs() {
        return List.of(backoffs);
    }

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        if (maxAttempts == 1 || !operation.isIdempotent()) {
            return call.execute();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return call.execute();
            }
            catch (RuntimeException ex) {
                if (attempt >= maxAttempts || !isRetryable(ex)) {
                    throw ex;
                }
                Duration wait = waitBefore(attempt - 1, ex);
                if (log.isDebugEnabled()) {
                    log.debug("{} failed on attempt {}/{} ({}); retrying in {} ms", operation.operationId(), attempt,
                            maxAttempts, reason(ex), wait.toMillis());
                }
                try {
                    sleeper.sleep(wait);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    /** Whether a failure is worth another attempt of an idempotent operation. */
    static boolean isRetryable(Throwable ex) {
        if (ex instanceof OrchestrationCircuitOpenException) {
            return false;
        }
        if (ex instanceof OrchestrationTransportException) {
            return true;
        }
        if (ex instanceof OrchestrationApiException api) {
            int status = api.status();
            return status == 429 || status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    Duration waitBefore(int retry, RuntimeException ex) {
        Duration backoff = backoffs[retry];
        if (ex instanceof OrchestrationApiException api) {
            Duration retryAfter = api.retryAfter().orElse(null);
            if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
                return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
            }
        }
        return backoff;
    }

    private static String reason(RuntimeException ex) {
        if (ex instanceof OrchestrationApiException api) {
            return "HTTP " + api.status();
        }
        return ex.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "OrchestrationRetryInterceptor[maxAttempts=" + maxAttempts + ", backoffs=" + Arrays.toString(backoffs)
                + "]";
    }
}
