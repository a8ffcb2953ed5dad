package io.github.formancecommunity.orchestration.autoconfigure.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * The real {@link OrchestrationV1} bean of an application with the starter's auto-configuration and actuator:
 * breaker, retries, timer and observation act on its calls, in that order.
 */
@SpringBootTest(classes = ResilienceIntegrationTests.App.class, properties = {
        "formance.orchestration.path-prefix=/api/orchestration",
        "formance.orchestration.retry.initial-backoff=1ms",
        "formance.orchestration.retry.max-backoff=5ms",
        "formance.orchestration.circuit-breaker.sliding-window-size=4",
        "formance.orchestration.circuit-breaker.minimum-number-of-calls=4",
        "formance.orchestration.circuit-breaker.failure-rate-threshold=50",
        "formance.orchestration.circuit-breaker.wait-duration-in-open-state=1m" })
class ResilienceIntegrationTests {

    private static final String API = "/api/orchestration";

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

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthContributorRegistry health;

    @BeforeEach
    void closeTheBreaker() {
        breaker.reset();
    }

    private double requests(String operation, String status) {
        return Search.in(meters).name(OrchestrationObservationInterceptor.OBSERVATION_NAME).tag("operation", operation)
                .tag("status", status).timers().stream().mapToDouble(timer -> timer.count()).sum();
    }

    @Test
    void aGetIsRetriedEachAttemptGoesThroughTheBreakerAndTheCallIsTimedOnce() {
        server.stubFor(get(API + "/workflows").willReturn(Stubs.empty(503)));
        double before = requests("listWorkflows", "503");

        assertThatThrownBy(orchestration::listWorkflows)
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> assertThat(ex.status()).isEqualTo(503));

        server.verify(3, getRequestedFor(urlEqualTo(API + "/workflows")));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
        assertThat(requests("listWorkflows", "503") - before).isEqualTo(1);
    }

    @Test
    void aPostIsSentOnce() {
        server.stubFor(post(API + "/workflows/wf-1/instances").willReturn(Stubs.empty(503)));

        assertThatThrownBy(() -> orchestration.runWorkflow("wf-1", Map.of("k", "v"), false))
                .isInstanceOf(OrchestrationApiException.class);

        server.verify(1, postRequestedFor(urlPathEqualTo(API + "/workflows/wf-1/instances")));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void serverErrorsOpenTheBreakerWhichThenRejectsWithoutARequest() {
        server.stubFor(post(API + "/workflows").willReturn(Stubs.error(500, "INTERNAL")));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> orchestration.createWorkflow(new WorkflowConfig("demo", List.of())))
                    .isInstanceOf(OrchestrationApiException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        server.resetRequests();
        double before = requests("getWorkflow", "CIRCUIT_OPEN");

        assertThatThrownBy(() -> orchestration.getWorkflow("wf-1"))
                .isInstanceOf(OrchestrationCircuitOpenException.class);

        server.verify(0, anyRequestedFor(anyUrl()));
        assertThat(requests("getWorkflow", "CIRCUIT_OPEN") - before).isEqualTo(1);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "formance-orchestration")
                .tag("state", "open").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        server.stubFor(get(API + "/triggers/tr-1").willReturn(Stubs.error(404, "NOT_FOUND")));
        double before = requests("readTrigger", "404");

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> orchestration.readTrigger("tr-1")).isInstanceOf(OrchestrationApiException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        server.verify(10, getRequestedFor(urlEqualTo(API + "/triggers/tr-1")));
        assertThat(requests("readTrigger", "404") - before).isEqualTo(10);
        assertThat(meters.get(OrchestrationObservationInterceptor.OBSERVATION_NAME).tag("operation", "readTrigger")
                .tag("status", "404").timer().getId().getTag("error.code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void eachCallIsAnObservationTimedByBootsObservationHandler() {
        server.stubFor(get(API + "/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));

        assertThat(orchestration.getServerInfo().version()).isEqualTo("v2.6.0");

        assertThat(meters.find(OrchestrationObservationInterceptor.OBSERVATION_NAME)
                .tag("operation", "orchestrationgetServerInfo").tag("status", "200").timer())
                .isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    void theHealthContributorProbesTheServerWithoutTheBreaker() {
        server.stubFor(get(API + "/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));
        breaker.transitionToForcedOpenState();

        HealthIndicator indicator = (HealthIndicator) health.getContributor("orchestration");

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("version", "v2.6.0");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
