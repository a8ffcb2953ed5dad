package io.github.formancecommunity.orchestration.client.circuitbreaker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Finds or builds the client's circuit breaker. With a registry, in this order: the breaker the registry already
 * holds under the name (Resilience4j's Spring Boot module creates one per
 * {@code resilience4j.circuitbreaker.instances.<name>}), then a breaker from the registry's configuration of that
 * name, then one built from the given thresholds over the registry's default configuration. Without a registry, a
 * stand-alone breaker from those thresholds over Resilience4j's defaults.
 */
public final class CircuitBreakerFactory {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFactory.class);

    private CircuitBreakerFactory() {
    }

    /**
     * Finds or builds the breaker.
     *
     * @param name       the breaker's name
     * @param thresholds the thresholds set by the application, applied unless the registry configures the breaker
     * @param registry   the application's registry, or {@code null}
     * @return the breaker
     */
    public static CircuitBreaker create(String name, CircuitBreakerThresholds thresholds,
            CircuitBreakerRegistry registry) {
        if (registry == null) {
            return CircuitBreaker.of(name, thresholds.applyTo(CircuitBreakerConfig.ofDefaults()));
        }
        CircuitBreaker existing = registry.find(name).orElse(null);
        if (existing != null) {
            warnIfThresholdsIgnored(name, thresholds, "the CircuitBreakerRegistry already holds it");
            return existing;
        }
        if (registry.getConfiguration(name).isPresent()) {
            warnIfThresholdsIgnored(name, thresholds, "the CircuitBreakerRegistry has a configuration named '"
                    + name + "'");
            return registry.circuitBreaker(name, name);
        }
        return registry.circuitBreaker(name, thresholds.applyTo(registry.getDefaultConfig()));
    }

    private static void warnIfThresholdsIgnored(String name, CircuitBreakerThresholds thresholds, String reason) {
        if (!thresholds.isEmpty()) {
            log.warn("Circuit breaker '{}' is configured by Resilience4j because {}; the failure-rate-threshold, "
                    + "minimum-number-of-calls, sliding-window-size and wait-duration-in-open-state settings of the "
                    + "Orchestration client are ignored", name, reason);
        }
    }
}
