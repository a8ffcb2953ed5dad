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
import io.micrometer.observation.ObservationRegistry;

/**
 * Makes each Orchestration call one observation in the application's {@link ObservationRegistry} (see
 * {@link OrchestrationObservationInterceptor}): its handlers make the request timer (Boot's
 * {@code DefaultMeterObservationHandler}) and the span whose {@code traceparent} the request carries (Micrometer
 * Tracing). An {@link OrchestrationObservationConvention} bean replaces the default convention. Off with
 * {@code formance.orchestration.observation.enabled=false}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, OrchestrationObservationInterceptor.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".observation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrchestrationObservationInterceptor.class)
    @Order(OrchestrationInterceptorOrder.OBSERVATION)
    OrchestrationObservationInterceptor orchestrationObservationInterceptor(ObservationRegistry observationRegistry,
            ObjectProvider<OrchestrationObservationConvention> convention) {
        return new OrchestrationObservationInterceptor(observationRegistry, convention.getIfUnique());
    }
}
