package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignBuilderCustomizer;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTargetFactory;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Registers the {@link OrchestrationV1} client, built from {@code formance.orchestration.*}, the application's
 * {@link BearerTokenSource} (if any), every {@link OrchestrationCallInterceptor} bean in {@code @Order} order
 * (lowest outermost) and every {@link OrchestrationFeignBuilderCustomizer} bean. Also validates the properties
 * when they are bound. {@code formance.orchestration.enabled=false} turns all of it off.
 *
 * <p>No network call is made here: the client connects on its first call. Unless
 * {@code formance.orchestration.initialization=eager}, the client is built lazily, and by default warmed up in the
 * background once the application is ready ({@link OrchestrationClientWarmUp}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(prefix = OrchestrationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationAutoConfiguration {

    /**
     * Checks {@link OrchestrationProperties} as soon as they are bound.
     *
     * @return the validating post-processor
     */
    @Bean
    @ConditionalOnMissingBean
    static OrchestrationPropertiesValidation orchestrationPropertiesValidation() {
        return new OrchestrationPropertiesValidation();
    }

    /**
     * The client. Spring closes it (and its connection pool) with the context.
     *
     * @param properties   the bound properties
     * @param tokenSource  where bearer tokens come from; none means no {@code Authorization} header
     * @param interceptors call interceptors, applied in {@code @Order} order, the lowest outermost
     * @param customizers  adjustments of the Feign builder, applied in {@code @Order} order
     * @param targetFactory what creates the Feign target instead of the client itself (the Spring Cloud OpenFeign
     *                     integration), if any
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean(OrchestrationV1.class)
    public OrchestrationV1Client orchestrationV1Client(OrchestrationProperties properties,
            ObjectProvider<BearerTokenSource> tokenSource, ObjectProvider<OrchestrationCallInterceptor> interceptors,
            ObjectProvider<OrchestrationFeignBuilderCustomizer> customizers,
            ObjectProvider<OrchestrationFeignTargetFactory> targetFactory) {
        OrchestrationClientBuilder builder = OrchestrationV1Client.builder()
                .baseUrl(properties.getBaseUrl().strip())
                .pathPrefix(properties.getPathPrefix())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .runWaitTimeout(properties.getRunWaitTimeout())
                .maxConnections(properties.getMaxConnections())
                .logLevel(properties.getLogging().getLevel())
                .lazy(properties.getInitialization() != OrchestrationProperties.Initialization.EAGER)
                .tokenSource(tokenSource.getIfAvailable())
                .targetFactory(targetFactory.getIfUnique());
        interceptors.orderedStream().forEach(builder::interceptor);
        customizers.orderedStream().forEach(builder::feignCustomizer);
        OrchestrationV1Client client = builder.build();
        if (properties.getInitialization() == OrchestrationProperties.Initialization.EAGER) {
            client.warmUp();
        }
        return client;
    }

    /**
     * Builds the client in the background once the application is ready
     * ({@code formance.orchestration.initialization=background}, the default).
     *
     * @param clients the client, when it is the one registered above
     * @return the listener
     */
    @Bean
    @ConditionalOnProperty(prefix = OrchestrationProperties.PREFIX, name = "initialization", havingValue = "background",
            matchIfMissing = true)
    static OrchestrationClientWarmUp orchestrationClientWarmUp(ObjectProvider<OrchestrationV1Client> clients) {
        return new OrchestrationClientWarmUp(clients);
    }
}
