package io.github.formancecommunity.orchestration.autoconfigure.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * An application with its own {@link CircuitBreakerRegistry} holding a configuration for
 * {@code formance-orchestration}: the client's breaker follows that configuration, not the starter's properties,
 * and lives in the application's registry.
 */
@SpringBootTest(classes = ApplicationCircuitBreakerRegistryIntegrationTests.App.class, properties = {
        "formance.orchestration.path-prefix=",
        "formance.orchestration.retry.enabled=false",
        "formance.orchestration.circuit-breaker.minimum-number-of-calls=50" })
class ApplicationCircuitBreakerRegistryIntegrationTests {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("formance.orchestration.base-url", server::baseUrl);
    }

    @Autowired
    OrchestrationV1 orchestration;

    @Autowired
    CircuitBreakerRegistry registry;

    @Test
    void theRegistrysConfigurationDecidesWhenTheBreakerOpens() {
        server.stubFor(get("/workflows").willReturn(Stubs.error(500, "INTERNAL")));

        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationApiException.class);

        CircuitBreaker breaker = registry.find("formance-orchestration").orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationCircuitOpenException.class);
        server.verify(2, anyRequestedFor(anyUrl()));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        CircuitBreakerRegistry circuitBreakerRegistry() {
            return CircuitBreakerRegistry.of(Map.of("formance-orchestration", CircuitBreakerConfig.custom()
                    .slidingWindowSize(2)
                    .minimumNumberOfCalls(2)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .build()));
        }
    }
}
