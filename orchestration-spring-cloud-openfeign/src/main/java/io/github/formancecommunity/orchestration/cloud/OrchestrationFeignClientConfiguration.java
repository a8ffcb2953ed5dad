package io.github.formancecommunity.orchestration.cloud;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import feign.Feign;
import feign.Logger;
import feign.Request;

/**
 * The configuration of the child context {@code formance-orchestration}, registered before Spring Cloud's defaults.
 * Its beans stand where a {@code @FeignClient(configuration = ...)} class would: the client's connect and read
 * time-outs and log level ({@code formance.orchestration.*}), which {@code spring.cloud.openfeign.client.config.*}
 * overrides as for any client, and the Feign builder that keeps the client's own parts.
 *
 * <p>The beans are prototypes read from the target being created ({@link TargetInCreation}): the child context is
 * only asked for them while {@link SpringCloudFeignTargetFactory} creates the target.
 */
@Configuration(proxyBeanMethods = false)
class OrchestrationFeignClientConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Feign.Builder orchestrationFeignBuilder() {
        return new OrchestrationFeignBuilder();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Request.Options orchestrationRequestOptions() {
        return TargetInCreation.current().options();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Logger.Level orchestrationLoggerLevel() {
        return TargetInCreation.current().logLevel();
    }
}
