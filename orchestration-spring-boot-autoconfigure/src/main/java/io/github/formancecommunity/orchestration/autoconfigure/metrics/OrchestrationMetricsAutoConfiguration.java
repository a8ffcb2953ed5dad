package io.github.formancecommunity.orchestration.autoconfigure.metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationConvention;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records the request timer {@code formance.orchestration.client.requests} when the application has a
 * {@link MeterRegistry} but the Orchestration calls are not observed through its {@code ObservationRegistry}
 * (none, or {@code formance.orchestration.observation.enabled=false}): the interceptor then makes the same
 * observation in a registry of its own that only times it. With an observed client, the application's
 * observation handlers make the timer and this configuration steps back, so each call is timed once. Off with
 * {@code formance.orchestration.metrics.enabled=false}.
 */
@AutoConfiguration(after = OrchestrationObservationAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, OrchestrationObservationInterceptor.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrchestrationObservationInterceptor.class)
    @Order(OrchestrationInterceptorOrder.METRICS)
    OrchestrationObservationInterceptor orchestrationMetricsInterceptor(MeterRegistry meterRegistry,
            ObjectProvider<OrchestrationObservationConvention> convention) {
        return OrchestrationObservationInterceptor.metrics(meterRegistry, convention.getIfUnique());
    }
}
