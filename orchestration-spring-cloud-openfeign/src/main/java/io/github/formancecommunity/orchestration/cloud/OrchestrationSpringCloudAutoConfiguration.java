package io.github.formancecommunity.orchestration.cloud;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.FeignClientSpecification;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTargetFactory;

/**
 * Makes the Orchestration client the Spring Cloud OpenFeign client {@value #CLIENT_NAME} when Spring Cloud
 * OpenFeign is on the class path and {@code formance.orchestration.spring-cloud.enabled} is not {@code false}:
 * registers the client's child-context configuration and the {@link OrchestrationFeignTargetFactory} that
 * {@link OrchestrationAutoConfiguration} hands to the client builder.
 */
@AutoConfiguration(before = OrchestrationAutoConfiguration.class)
@ConditionalOnClass(FeignClientFactory.class)
@ConditionalOnBooleanProperty(prefix = "formance.orchestration", name = "enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(prefix = "formance.orchestration.spring-cloud", name = "enabled",
        matchIfMissing = true)
public final class OrchestrationSpringCloudAutoConfiguration {

    /** The Spring Cloud OpenFeign client name (and context id) of the Orchestration client. */
    public static final String CLIENT_NAME = "formance-orchestration";

    /**
     * The configuration of the client's child context: its Feign builder, and the client's time-outs and log
     * level as configuration beans, which {@code spring.cloud.openfeign.client.config.*} overrides.
     *
     * @return the specification named {@value #CLIENT_NAME}
     */
    @Bean(name = CLIENT_NAME + ".FeignClientSpecification")
    @ConditionalOnMissingBean(name = CLIENT_NAME + ".FeignClientSpecification")
    static FeignClientSpecification orchestrationFeignClientSpecification() {
        // No class name: Spring Cloud's AOT processing looks up a @FeignClient bean of that name, and this client
        // is not one (it is built by the client builder, not registered by @EnableFeignClients).
        return new FeignClientSpecification(CLIENT_NAME, null,
                new Class<?>[] {OrchestrationFeignClientConfiguration.class});
    }

    /**
     * Creates the client's Feign target through Spring Cloud OpenFeign.
     *
     * @param context the application context, parent of the client's child context
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    OrchestrationFeignTargetFactory orchestrationFeignTargetFactory(ApplicationContext context) {
        return new SpringCloudFeignTargetFactory(context, CLIENT_NAME);
    }
}
