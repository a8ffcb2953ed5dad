package io.github.formancecommunity.orchestration.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.autoconfigure.PropertiesOrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Registers the {@code orchestration} health contributor (bean {@value #HEALTH_INDICATOR_BEAN_NAME}) when Spring
 * Boot's health support is on the classpath. It probes {@code _info} through a separate small client built from
 * the {@link OrchestrationConnectionDetails} (base URL, path prefix) and the application's {@link BearerTokenSource}
 * bean, with the read time-out {@code formance.orchestration.health.timeout} and no interceptors. Off with
 * {@code formance.orchestration.health.enabled=false} or {@code management.health.orchestration.enabled=false}.
 */
@AutoConfiguration(after = OrchestrationAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".health.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("orchestration")
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationHealthAutoConfiguration {

    /** Bean name of the health indicator; the contributor is named {@code orchestration} after it. */
    public static final String HEALTH_INDICATOR_BEAN_NAME = "orchestrationHealthIndicator";

    /**
     * The health indicator with its own client. The properties are valid (the property validator checks them when
     * they are bound); connection details from elsewhere are checked by the client builder, whose invalid settings
     * name the property they come from.
     */
    @Bean(name = HEALTH_INDICATOR_BEAN_NAME)
    @ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
    OrchestrationHealthIndicator orchestrationHealthIndicator(OrchestrationProperties properties,
            ObjectProvider<OrchestrationConnectionDetails> connectionDetails,
            ObjectProvider<BearerTokenSource> tokenSources, ObjectProvider<SslBundles> sslBundles) {
        OrchestrationConnectionDetails details = connectionDetails
                .getIfAvailable(() -> new PropertiesOrchestrationConnectionDetails(properties));
        Duration timeout = properties.getHealth().getTimeout();
        Duration connectTimeout = properties.getConnectTimeout().compareTo(timeout) > 0 ? timeout
                : properties.getConnectTimeout();
        OrchestrationClientBuilder builder = OrchestrationV1Client.builder()
                .baseUrl(details.getBaseUrl())
                .pathPrefix(details.getPathPrefix())
                .connectTimeout(connectTimeout)
                .readTimeout(timeout)
                .maxConnections(2)
                .proxy(NetworkSettings.proxy(properties))
                .sslContext(NetworkSettings.apiSslContext(properties, sslBundles))
                .lazy(properties.getInitialization() != OrchestrationProperties.Initialization.EAGER);
        BearerTokenSource tokens = tokenSources.getIfUnique();
        if (tokens != null) {
            builder.tokenSource(tokens);
        }
        else {
            details.getAuthentication().applyTo(builder);
        }
        List<OrchestrationClientBuilder.InvalidSetting> invalid = builder.validate();
        if (!invalid.isEmpty()) {
            Map<String, String> violations = new LinkedHashMap<>();
            invalid.forEach(setting -> violations.putIfAbsent(property(setting.setting()), setting.reason()));
            throw new InvalidOrchestrationPropertyException(violations);
        }
        return new OrchestrationHealthIndicator(builder.build());
    }

    private static String property(OrchestrationClientBuilder.Setting setting) {
        String name = switch (setting) {
            case BASE_URL -> "base-url";
            case PATH_PREFIX -> "path-prefix";
            case CONNECT_TIMEOUT -> "connect-timeout";
            case READ_TIMEOUT -> "health.timeout";
            case RUN_WAIT_TIMEOUT -> "run-wait-timeout";
            case MAX_CONNECTIONS -> "max-connections";
            case ATTEMPT_TIMEOUT -> "limits.attempt-timeout";
            case CALL_TIMEOUT -> "limits.call-timeout";
            case MAX_RESPONSE_BODY_SIZE -> "limits.max-response-body-size";
            case MAX_HEADER_COUNT -> "limits.max-header-count";
            case MAX_HEADER_LINE_LENGTH -> "limits.max-header-line-length";
        };
        return OrchestrationProperties.PREFIX + "." + name;
    }
}
