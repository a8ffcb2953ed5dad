package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import org.springframework.beans.factory.DisposableBean;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes Resilience4j's tagged meters ({@code resilience4j.circuitbreaker.state}, {@code .calls},
 * {@code .failure.rate}, ...) of one breaker to a meter registry, and removes them when the context closes.
 * Publishing is idempotent: if the application's Resilience4j integration already published them, the same meters
 * are returned by the registry.
 */
final class CircuitBreakerMeters implements DisposableBean {

    private final CircuitBreaker circuitBreaker;
    private final TaggedCircuitBreakerMetricsPublisher publisher;

    CircuitBreakerMeters(CircuitBreaker circuitBreaker, MeterRegistry meterRegistry) {
        this.circuitBreaker = circuitBreaker;
        this.publisher = new TaggedCircuitBreakerMetricsPublisher(meterRegistry);
        this.publisher.publishMetrics(circuitBreaker);
    }

    @Override
    public void destroy() {
        publisher.removeMetrics(circuitBreaker);
    }

    @Override
    public String toString() {
        return "CircuitBreakerMeters[" + circuitBreaker.getName() + "]";
    }
}
