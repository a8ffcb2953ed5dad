package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;

/**
 * Retries idempotent Orchestration calls (see {@link OrchestrationRetryInterceptor}) as set by
 * {@code formance.orchestration.retry.*}, which the property validator has checked. Off with
 * {@code formance.orchestration.retry.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".retry.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationRetryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrchestrationRetryInterceptor.class)
    @Order(OrchestrationInterceptorOrder.RETRY)
    OrchestrationRetryInterceptor orchestrationRetryInterceptor(OrchestrationProperties properties) {
        OrchestrationProperties.Retry retry = properties.getRetry();
        return new OrchestrationRetryInterceptor(retry.getMaxAttempts(), retry.getInitialBackoff(),
                retry.getMaxBackoff(), retry.getMultiplier());
    }
}
