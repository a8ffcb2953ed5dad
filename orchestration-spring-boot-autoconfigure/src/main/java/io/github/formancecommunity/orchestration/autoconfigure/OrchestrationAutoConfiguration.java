package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignBuilderCustomizer;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTargetFactory;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Registers the {@link OrchestrationV1} client, built from {@code formance.orchestration.*}, the application's
 * {@link OrchestrationConnectionDetails} (a default one from the properties unless the application or a test
 * provides one), the application's {@link BearerTokenSource} (if any), every {@link OrchestrationCallInterceptor}
 * bean in {@code @Order} order
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
public final class OrchestrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrchestrationPropertiesValidation.class)
    static OrchestrationPropertiesValidation orchestrationPropertiesValidation() {
        return new OrchestrationPropertiesValidation();
    }

    @Bean
    @ConditionalOnMissingBean(OrchestrationConnectionDetails.class)
    PropertiesOrchestrationConnectionDetails orchestrationConnectionDetails(OrchestrationProperties properties,
            Environment environment) {
        OrchestrationPropertiesValidator.requireBaseUrl(properties, () -> BaseUrlLookalikes.in(environment));
        return new PropertiesOrchestrationConnectionDetails(properties);
    }

    /**
     * Warns about {@code formance.orchestration.*} keys that no property binds, naming the closest valid key.
     */
    @Bean
    static UnknownPropertyWarnings orchestrationUnknownPropertyWarnings() {
        return new UnknownPropertyWarnings();
    }

    /**
     * Reports the values that cannot be converted together with the other invalid properties.
     */
    @Bean
    static BindingFailureCollector orchestrationBindingFailureCollector() {
        return new BindingFailureCollector();
    }

    /**
     * The client, built from the connection details (base URL, path prefix and, without a
     * {@link BearerTokenSource} bean, authentication) and the properties (time-outs, limits, pool, proxy, SSL
     * bundle, logging). Spring closes
     * it (its connection pool, and the token source it created) with the context, without waiting for a warm-up.
     */
    @Bean
    @ConditionalOnMissingBean(OrchestrationV1.class)
    OrchestrationV1Client orchestrationV1Client(OrchestrationProperties properties,
            OrchestrationConnectionDetails connectionDetails, ObjectProvider<BearerTokenSource> tokenSource,
            ObjectProvider<OrchestrationCallInterceptor> interceptors,
            ObjectProvider<OrchestrationFeignBuilderCustomizer> customizers, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<OrchestrationFeignTargetFactory> targetFactory) {
        OrchestrationClientBuilder builder = OrchestrationV1Client.builder()
                .baseUrl(connectionDetails.getBaseUrl())
                .pathPrefix(connectionDetails.getPathPrefix())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .runWaitTimeout(properties.getRunWaitTimeout())
                .maxConnections(properties.getMaxConnections())
                .attemptTimeout(properties.getLimits().getAttemptTimeout())
                .callTimeout(properties.getLimits().getCallTimeout())
                .maxResponseBodySize((int) properties.getLimits().getMaxResponseBodySize().toBytes())
                .maxHeaderCount(properties.getLimits().getMaxHeaderCount())
                .maxHeaderLineLength((int) properties.getLimits().getMaxHeaderLineLength().toBytes())
                .logLevel(properties.getLogging().getLevel())
                .lazy(properties.getInitialization() != OrchestrationProperties.Initialization.EAGER)
                .tokenRefreshBeforeExpiry(properties.getAuth().getRefreshBeforeExpiry())
                .proxy(NetworkSettings.proxy(properties))
                .sslContext(NetworkSettings.apiSslContext(properties, sslBundles));
        BearerTokenSource tokens = tokenSource.getIfAvailable();
        if (tokens != null) {
            builder.tokenSource(tokens);
        }
        else {
            connectionDetails.getAuthentication().applyTo(builder);
        }
        interceptors.orderedStream().forEach(builder::interceptor);
        customizers.orderedStream().forEach(builder::feignCustomizer);
        builder.targetFactory(targetFactory.getIfUnique());
        OrchestrationV1Client client = builder.build();
        if (properties.getInitialization() == OrchestrationProperties.Initialization.EAGER) {
            client.warmUp();
        }
        return client;
    }

    /**
     * Builds the client in the background once the application is ready, when
     * {@code formance.orchestration.initialization=background} (the default). Registered in every mode and the mode
     * read when the application is ready, so that an application processed ahead of time (Spring AOT, where bean
     * conditions are evaluated at build time) still follows the mode it runs with.
     *
     * @param clients    the client, when it is the one registered above
     * @param properties the bound properties
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean(OrchestrationClientWarmUp.class)
    static OrchestrationClientWarmUp orchestrationClientWarmUp(ObjectProvider<OrchestrationV1Client> clients,
            ObjectProvider<OrchestrationProperties> properties) {
        return new OrchestrationClientWarmUp(clients, properties);
    }
}
