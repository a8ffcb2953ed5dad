package io.github.formancecommunity.orchestration.autoconfigure.metrics;

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
import io.github.formancecommunity.orchestration.client.observation.OrchestrationMetricsInterceptor;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Times the Orchestration client's calls (see {@link OrchestrationMetricsInterceptor}) when Micrometer is on the
 * classpath and the application has a {@link MeterRegistry} (Spring Boot creates one with actuator). Off with
 * {@code formance.orchestration.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationMetricsAutoConfiguration {

    /**
     * The request timer interceptor.
     *
     * @param meterRegistry the application's (primary) meter registry
     * @return the interceptor, ordered {@link OrchestrationInterceptorOrder#METRICS}
     */
    @Bean
    @ConditionalOnMissingBean
    @Order(OrchestrationInterceptorOrder.METRICS)
    public OrchestrationMetricsInterceptor orchestrationMetricsInterceptor(MeterRegistry meterRegistry) {
        return new OrchestrationMetricsInterceptor(meterRegistry);
    }
}
