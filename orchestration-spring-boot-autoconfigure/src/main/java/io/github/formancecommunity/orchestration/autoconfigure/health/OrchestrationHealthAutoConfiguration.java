package io.github.formancecommunity.orchestration.autoconfigure.health;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.NetworkSettings;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Registers the {@code orchestration} health contributor (bean {@value #HEALTH_INDICATOR_BEAN_NAME}) when Spring
 * Boot's health support is on the classpath. It probes {@code _info} through a separate small client built from
 * {@code formance.orchestration.base-url}, {@code path-prefix} and the application's {@link BearerTokenSource}
 * bean, with the read time-out {@code formance.orchestration.health.timeout} and no interceptors. Off with
 * {@code formance.orchestration.health.enabled=false} or {@code management.health.orchestration.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".health.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("orchestration")
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationHealthAutoConfiguration {

    /** Bean name of the health indicator; the contributor is named {@code orchestration} after it. */
    public static final String HEALTH_INDICATOR_BEAN_NAME = "orchestrationHealthIndicator";

    /**
     * The health indicator with its own client.
     *
     * @param properties   the starter's properties
     * @param tokenSources the application's token source, if any
     * @param sslBundles   the SSL bundles, for formance.orchestration.ssl.bundle
     * @return the indicator
     * @throws InvalidOrchestrationPropertyException when {@code health.timeout} is not positive
     */
    @Bean(name = HEALTH_INDICATOR_BEAN_NAME)
    @ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
    public OrchestrationHealthIndicator orchestrationHealthIndicator(OrchestrationProperties properties,
            ObjectProvider<BearerTokenSource> tokenSources, ObjectProvider<SslBundles> sslBundles) {
        Duration timeout = properties.getHealth().getTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidOrchestrationPropertyException(Map.of(OrchestrationProperties.PREFIX + ".health.timeout",
                    "must be a positive duration such as 2s (got " + timeout + ")"));
        }
        Duration connectTimeout = properties.getConnectTimeout();
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || connectTimeout.compareTo(timeout) > 0) {
            connectTimeout = timeout;
        }
        OrchestrationV1Client client;
        try {
            client = OrchestrationV1Client.builder()
                    .baseUrl(properties.getBaseUrl())
                    .pathPrefix(properties.getPathPrefix())
                    .tokenSource(tokenSources.getIfUnique())
                    .connectTimeout(connectTimeout)
                    .readTimeout(timeout)
                    .maxConnections(2)
                    .proxy(NetworkSettings.proxy(properties))
                    .sslContext(NetworkSettings.apiSslContext(properties, sslBundles))
                    .lazy(properties.getInitialization() != OrchestrationProperties.Initialization.EAGER)
                    .build();
        }
        catch (IllegalArgumentException ex) {
            // the builder's messages name its setting and never quote credentials found in a URL
            boolean prefix = ex.getMessage() != null && ex.getMessage().startsWith("pathPrefix");
            throw new InvalidOrchestrationPropertyException(Map.of(
                    OrchestrationProperties.PREFIX + (prefix ? ".path-prefix" : ".base-url"), ex.getMessage()));
        }
        return new OrchestrationHealthIndicator(client);
    }
}
