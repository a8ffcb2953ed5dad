package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;

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
     * @throws InvalidConfigurationPropertyValueException when a retry property is out of range
     */
    @Bean
    @ConditionalOnMissingBean
    @Order(OrchestrationInterceptorOrder.RETRY)
    public OrchestrationRetryInterceptor orchestrationRetryInterceptor(OrchestrationProperties properties) {
        OrchestrationProperties.Retry retry = properties.getRetry();
        if (retry.getMaxAttempts() < 1) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "max-attempts", retry.getMaxAttempts(),
                    "must be at least 1 (1 means no retry)");
        }
        Duration initial = retry.getInitialBackoff();
        if (initial == null || initial.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "initial-backoff", initial,
                    "must be zero or positive");
        }
        Duration max = retry.getMaxBackoff();
        if (max == null || max.compareTo(initial) < 0) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "max-backoff", max,
                    "must be at least " + PREFIX + "initial-backoff (" + initial + ")");
        }
        double multiplier = retry.getMultiplier();
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "multiplier", multiplier,
                    "must be a finite number of at least 1");
        }
        return new OrchestrationRetryInterceptor(retry.getMaxAttempts(), initial, max, multiplier);
    }
}
