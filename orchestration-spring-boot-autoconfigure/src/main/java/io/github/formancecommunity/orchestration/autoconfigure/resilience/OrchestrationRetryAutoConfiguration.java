package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;

/**
 * Retries idempotent Orchestration calls (see {@link OrchestrationRetryInterceptor}) as set by
 * {@code formance.orchestration.retry.*}. Off with {@code formance.orchestration.retry.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".retry.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationRetryAutoConfiguration {

    private static final String PREFIX = OrchestrationProperties.PREFIX + ".retry.";

    /**
     * The retry interceptor.
     *
     * @param properties the starter's properties
     * @return the interceptor, ordered {@link OrchestrationInterceptorOrder#RETRY}
     * @throws InvalidOrchestrationPropertyException when a retry property is out of range
     */
    @Bean
    @ConditionalOnMissingBean
    @Order(OrchestrationInterceptorOrder.RETRY)
    public OrchestrationRetryInterceptor orchestrationRetryInterceptor(OrchestrationProperties properties) {
        OrchestrationProperties.Retry retry = properties.getRetry();
        if (retry.getMaxAttempts() < 1) {
            throw invalid("max-attempts", "must be at least 1, 1 meaning no retry (got " + retry.getMaxAttempts()
                    + ")");
        }
        Duration initial = retry.getInitialBackoff();
        if (initial == null || initial.isNegative()) {
            throw invalid("initial-backoff", "must be zero or a positive duration (got " + initial + ")");
        }
        Duration max = retry.getMaxBackoff();
        if (max == null || max.compareTo(initial) < 0) {
            throw invalid("max-backoff", "must be at least " + PREFIX + "initial-backoff (" + initial + "), got "
                    + max);
        }
        double multiplier = retry.getMultiplier();
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw invalid("multiplier", "must be a finite number of at least 1 (got " + multiplier + ")");
        }
        return new OrchestrationRetryInterceptor(retry.getMaxAttempts(), initial, max, multiplier);
    }

    private static InvalidOrchestrationPropertyException invalid(String property, String reason) {
        return new InvalidOrchestrationPropertyException(Map.of(PREFIX + property, reason));
    }
}
