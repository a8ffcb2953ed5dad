package io.github.formancecommunity.orchestration.autoconfigure.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * {@code runWorkflow} with {@code wait=true} through the breaker is bounded by {@code run-wait-timeout}, not by
 * {@code read-timeout} nor by any one-second limiter: the server answers after about 1.5 s and the call succeeds.
 */
@SpringBootTest(classes = RunWaitIntegrationTests.App.class, properties = {
        "formance.orchestration.path-prefix=",
        "formance.orchestration.read-timeout=300ms",
        "formance.orchestration.run-wait-timeout=5s",
        "formance.orchestration.circuit-breaker.enabled=true" })
class RunWaitIntegrationTests {

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
    @Qualifier("orchestrationCircuitBreaker")
    CircuitBreaker breaker;

    @Test
    void aLongWaitingRunSucceeds() {
        server.stubFor(post("/workflows/wf-1/instances?wait=true")
                .willReturn(Stubs.json(201, Stubs.RUN_RESPONSE).withFixedDelay(1_500)));

        WorkflowInstance instance = orchestration.runWorkflow("wf-1", Map.of("amount", "100"), true);

        assertThat(instance.id()).isEqualTo("inst-1");
        server.verify(1, postRequestedFor(urlEqualTo("/workflows/wf-1/instances?wait=true")));
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
