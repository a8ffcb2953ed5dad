package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Finds or builds the client's circuit breaker. With the application's registry, in this order: the breaker the
 * registry already holds under the name (Resilience4j's Spring Boot module creates one per
 * {@code resilience4j.circuitbreaker.instances.<name>}), then a breaker from the registry's configuration of that
 * name, then one built from the {@code formance.orchestration.circuit-breaker.*} thresholds over the registry's
 * default configuration. Without a registry, a stand-alone breaker from those thresholds over Resilience4j's
 * defaults.
 */
final class CircuitBreakerFactory {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFactory.class);

    private static final String PREFIX = OrchestrationProperties.PREFIX + ".circuit-breaker.";

    private CircuitBreakerFactory() {
    }

    static CircuitBreaker create(OrchestrationProperties.CircuitBreaker properties, CircuitBreakerRegistry registry) {
        String name = properties.getName();
        if (name == null || name.isBlank()) {
            throw new InvalidOrchestrationPropertyException(Map.of(PREFIX + "name", "must not be empty"));
        }
        if (registry == null) {
            return CircuitBreaker.of(name, config(properties, CircuitBreakerConfig.ofDefaults()));
        }
        CircuitBreaker existing = registry.find(name).orElse(null);
        if (existing != null) {
            warnIfThresholdsIgnored(properties, "the application's CircuitBreakerRegistry already holds it");
            return existing;
        }
        if (registry.getConfiguration(name).isPresent()) {
            warnIfThresholdsIgnored(properties, "the application's CircuitBreakerRegistry has a configuration named '"
                    + name + "'");
            return registry.circuitBreaker(name, name);
        }
        return registry.circuitBreaker(name, config(properties, registry.getDefaultConfig()));
    }

    static CircuitBreakerConfig config(OrchestrationProperties.CircuitBreaker properties, CircuitBreakerConfig base) {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.from(base);
        Float failureRate = properties.getFailureRateThreshold();
        if (failureRate != null) {
            apply("failure-rate-threshold", failureRate, builder, b -> b.failureRateThreshold(failureRate));
        }
        Integer windowSize = properties.getSlidingWindowSize();
        if (windowSize != null) {
            apply("sliding-window-size", windowSize, builder, b -> b.slidingWindowSize(windowSize));
        }
        Integer minimumCalls = properties.getMinimumNumberOfCalls();
        if (minimumCalls != null) {
            apply("minimum-number-of-calls", minimumCalls, builder, b -> b.minimumNumberOfCalls(minimumCalls));
        }
        Duration wait = properties.getWaitDurationInOpenState();
        if (wait != null) {
            apply("wait-duration-in-open-state", wait, builder, b -> b.waitDurationInOpenState(wait));
        }
        return builder.build();
    }

    private static void apply(String property, Object value, CircuitBreakerConfig.Builder builder,
            Consumer<CircuitBreakerConfig.Builder> setter) {
        try {
            setter.accept(builder);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidOrchestrationPropertyException(
                    Map.of(PREFIX + property, ex.getMessage() + " (got " + value + ")"));
        }
    }

    private static void warnIfThresholdsIgnored(OrchestrationProperties.CircuitBreaker properties, String reason) {
        if (properties.getFailureRateThreshold() != null || properties.getSlidingWindowSize() != null
                || properties.getMinimumNumberOfCalls() != null || properties.getWaitDurationInOpenState() != null) {
            log.warn("Circuit breaker '{}' is configured by Resilience4j because {}; the {}failure-rate-threshold, "
                    + "minimum-number-of-calls, sliding-window-size and wait-duration-in-open-state properties are "
                    + "ignored", properties.getName(), reason, PREFIX);
        }
    }
}
