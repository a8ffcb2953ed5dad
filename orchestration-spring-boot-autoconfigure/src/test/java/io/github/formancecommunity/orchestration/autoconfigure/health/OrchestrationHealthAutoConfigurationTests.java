package io.github.formancecommunity.orchestration.autoconfigure.health;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationRetryAutoConfiguration;
import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

class OrchestrationHealthAutoConfigurationTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationHealthAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class))
            .withPropertyValues("formance.orchestration.base-url=" + server.baseUrl(),
                    "formance.orchestration.path-prefix=/api/orchestration");

    @Test
    void anOrchestrationContributorIsRegisteredAndReportsUp() {
        server.stubFor(get("/api/orchestration/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));
        runner.run(context -> {
            assertThat(context).hasBean(OrchestrationHealthAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME);
            HealthIndicator contributor = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                    .getContributor("orchestration");
            assertThat(contributor).isNotNull();
            Health health = contributor.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("version", "v2.6.0");
        });
    }

    @Test
    void reportsDownWithTheReason() {
        server.stubFor(get("/api/orchestration/_info").willReturn(Stubs.error(500, "INTERNAL")));
        runner.run(context -> {
            Health health = context.getBean(OrchestrationHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("error")).contains("500");
        });
    }

    @Test
    void sendsTheApplicationsTokenWithoutRevealingIt() {
        server.stubFor(get("/api/orchestration/_info").willReturn(Stubs.empty(401)));
        runner.withBean(BearerTokenSource.class, () -> BearerTokenSource.of("t0ps3cret")).run(context -> {
            Health health = context.getBean(OrchestrationHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.toString()).doesNotContain("t0ps3cret");
            server.verify(getRequestedFor(urlEqualTo("/api/orchestration/_info"))
                    .withHeader("Authorization", equalTo("Bearer t0ps3cret")));
        });
    }

    @Test
    void aProbeIsNeitherRetriedNorStoppedOrCountedByTheBreaker() {
        server.stubFor(get("/api/orchestration/_info").willReturn(Stubs.empty(503)));
        runner.withConfiguration(AutoConfigurations.of(OrchestrationCircuitBreakerAutoConfiguration.class,
                OrchestrationRetryAutoConfiguration.class)).run(context -> {
                    CircuitBreaker breaker = context.getBean(
                            OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME, CircuitBreaker.class);
                    breaker.transitionToOpenState();

                    Health health = context.getBean(OrchestrationHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    server.verify(1, anyRequestedFor(anyUrl()));
                    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
                    assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
                });
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withPropertyValues("formance.orchestration.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationHealthIndicator.class));
        runner.withPropertyValues("management.health.orchestration.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationHealthIndicator.class));
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationHealthIndicator.class));
        runner.withPropertyValues("formance.orchestration.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationHealthIndicator.class));
    }

    @Test
    void absentWithoutBootsHealthSupport() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrchestrationHealthAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(OrchestrationHealthAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME);
                });
    }

    @Test
    void theApplicationsIndicatorWins() {
        runner.withUserConfiguration(OwnIndicator.class).run(context -> {
            assertThat(context).doesNotHaveBean(OrchestrationHealthIndicator.class);
            assertThat(context.getBean(OrchestrationHealthAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME,
                    HealthIndicator.class).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void aNonPositiveTimeoutFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("formance.orchestration.health.timeout=0s")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidOrchestrationPropertyException.class)
                        .hasMessageContaining("formance.orchestration.health.timeout"));
    }

    @Test
    void aMalformedBaseUrlFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("formance.orchestration.base-url=ftp://nowhere")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidOrchestrationPropertyException.class)
                        .hasMessageContaining("formance.orchestration.base-url"));
    }

    @Test
    void credentialsInTheBaseUrlAreNotQuoted() {
        runner.withPropertyValues("formance.orchestration.base-url=https://admin:pa55word@stack.example.com")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidOrchestrationPropertyException.class)
                        .hasMessageContaining("formance.orchestration.base-url")
                        .hasMessageNotContaining("pa55word"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnIndicator {

        @Bean
        HealthIndicator orchestrationHealthIndicator() {
            return () -> Health.outOfService().build();
        }
    }
}
