package io.github.formancecommunity.orchestration.client.circuitbreaker;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The thresholds of the client's circuit breaker; each one left {@code null} keeps the value of the configuration it
 * is applied to.
 *
 * @param failureRateThreshold    failure rate, in percent, from which the breaker opens
 * @param slidingWindowSize       number of calls the failure rate is computed over
 * @param minimumNumberOfCalls    calls needed before the failure rate counts
 * @param waitDurationInOpenState how long the breaker stays open before it lets trial calls through
 */
public record CircuitBreakerThresholds(Float failureRateThreshold, Integer slidingWindowSize,
        Integer minimumNumberOfCalls, Duration waitDurationInOpenState) {

    /** No threshold set: Resilience4j's (or the registry's) configuration applies as is. */
    public static final CircuitBreakerThresholds NONE = new CircuitBreakerThresholds(null, null, null, null);

    /**
     * Whether no threshold is set.
     *
     * @return {@code true} when every threshold is {@code null}
     */
    public boolean isEmpty() {
        return failureRateThreshold == null && slidingWindowSize == null && minimumNumberOfCalls == null
                && waitDurationInOpenState == null;
    }

    /**
     * The given configuration with the thresholds that are set.
     *
     * @param base the configuration the thresholds override
     * @return a new configuration
     * @throws IllegalArgumentException when Resilience4j rejects a threshold
     */
    public CircuitBreakerConfig applyTo(CircuitBreakerConfig base) {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.from(base);
        if (failureRateThreshold != null) {
            builder.failureRateThreshold(failureRateThreshold);
        }
        if (slidingWindowSize != null) {
            builder.slidingWindowSize(slidingWindowSize);
        }
        if (minimumNumberOfCalls != null) {
            builder.minimumNumberOfCalls(minimumNumberOfCalls);
        }
        if (waitDurationInOpenState != null) {
            builder.waitDurationInOpenState(waitDurationInOpenState);
        }
        return builder.build();
    }
}
