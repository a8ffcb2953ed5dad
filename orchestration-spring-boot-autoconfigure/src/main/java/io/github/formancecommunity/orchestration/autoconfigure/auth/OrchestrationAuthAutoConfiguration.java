package io.github.formancecommunity.orchestration.autoconfigure.auth;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.auth.ClientCredentialsTokenSource;

/**
 * Registers the {@link BearerTokenSource} of the Orchestration client from {@code formance.orchestration.auth.*}:
 * a static token when {@code auth.token} is set, OAuth2 client credentials when {@code auth.client-id} and
 * {@code auth.client-secret} are set, nothing otherwise. The token is added by the client's own Feign builder, so it
 * never reaches the application's other HTTP or Feign clients.
 *
 * <p>When the application or a test provides {@link OrchestrationConnectionDetails}, their authentication applies
 * instead, set on the client builder. Client-credentials tokens are fetched on first use, never at start-up. Their expiry is measured with the
 * {@link Clock} bean named {@value #CLOCK_BEAN_NAME} when there is one (for tests), the system clock otherwise.
 */
@AutoConfiguration(before = OrchestrationAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = OrchestrationProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationAuthAutoConfiguration {

    /** Name of an optional {@link Clock} bean that times token expiry. */
    public static final String CLOCK_BEAN_NAME = "formanceOrchestrationClock";

    /**
     * The static bearer token of {@code auth.token}.
     *
     * @param properties the bound properties
     * @return a source always giving that token
     */
    @Bean
    @ConditionalOnMissingBean({ BearerTokenSource.class, OrchestrationConnectionDetails.class })
    @Conditional(AuthModeCondition.StaticToken.class)
    BearerTokenSource orchestrationStaticTokenSource(OrchestrationProperties properties) {
        return BearerTokenSource.of(properties.getAuth().getToken().strip());
    }

    /**
     * OAuth2 client-credentials tokens from {@code auth.token-url}, one per scope, cached and refreshed.
     *
     * @param properties the bound properties
     * @param clock      the {@value #CLOCK_BEAN_NAME} bean, if any
     * @return a refreshable token source
     */
    @Bean
    @ConditionalOnMissingBean({ BearerTokenSource.class, OrchestrationConnectionDetails.class })
    @Conditional(AuthModeCondition.ClientCredentials.class)
    BearerTokenSource orchestrationClientCredentialsTokenSource(OrchestrationProperties properties,
            @Qualifier(CLOCK_BEAN_NAME) ObjectProvider<Clock> clock) {
        OrchestrationProperties.Auth auth = properties.getAuth();
        return ClientCredentialsTokenSource.builder()
                .tokenUrl(properties.getBaseUrl(), auth.getTokenUrl())
                .clientId(auth.getClientId())
                .clientSecret(auth.getClientSecret())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .refreshBeforeExpiry(auth.getRefreshBeforeExpiry())
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .build();
    }
}
