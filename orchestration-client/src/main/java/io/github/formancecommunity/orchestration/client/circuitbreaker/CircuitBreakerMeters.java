package io.github.formancecommunity.orchestration.client.circuitbreaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes Resilience4j's tagged meters ({@code resilience4j.circuitbreaker.state}, {@code .calls},
 * {@code .failure.rate}, ...) of one breaker to a meter registry, and removes them on {@link #close()}.
 * Publishing is idempotent: if the application's Resilience4j integration already published them, the same meters
 * are returned by the registry.
 */
public final class CircuitBreakerMeters implements AutoCloseable {

    private final CircuitBreaker circuitBreaker;
    private final TaggedCircuitBreakerMetricsPublisher publisher;

    /**
     * Publishes the breaker's meters.
     *
     * @param circuitBreaker the breaker
     * @param meterRegistry  where the meters go
     */
    public CircuitBreakerMeters(CircuitBreaker circuitBreaker, MeterRegistry meterRegistry) {
        this.circuitBreaker = circuitBreaker;
        this.publisher = new TaggedCircuitBreakerMetricsPublisher(meterRegistry);
        this.publisher.publishMetrics(circuitBreaker);
    }

    /** Removes the breaker's meters from the registry. */
    @Override
    public void close() {
        publisher.removeMetrics(circuitBreaker);
    }

    @Override
    public String toString() {
        return "CircuitBreakerMeters[" + circuitBreaker.getName() + "]";
    }
}
