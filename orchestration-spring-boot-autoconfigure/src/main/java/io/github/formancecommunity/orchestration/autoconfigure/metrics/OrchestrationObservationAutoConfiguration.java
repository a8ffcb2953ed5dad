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
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.micrometer.observation.ObservationRegistry;

/**
 * Makes each Orchestration call an observation (see {@link OrchestrationObservationInterceptor}) when the
 * application has an {@link ObservationRegistry}. Off with {@code formance.orchestration.observation.enabled=false}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".observation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationObservationAutoConfiguration {

    /**
     * The observation interceptor.
     *
     * @param observationRegistry the application's observation registry
     * @return the interceptor, ordered {@link OrchestrationInterceptorOrder#OBSERVATION}
     */
    @Bean
    @ConditionalOnMissingBean
    @Order(OrchestrationInterceptorOrder.OBSERVATION)
    public OrchestrationObservationInterceptor orchestrationObservationInterceptor(
            ObservationRegistry observationRegistry) {
        return new OrchestrationObservationInterceptor(observationRegistry);
    }
}
