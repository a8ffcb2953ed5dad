package io.github.formancecommunity.orchestration.client.observation;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;
import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The request timer recorded by {@link OrchestrationObservationInterceptor#metrics(io.micrometer.core.instrument.MeterRegistry)}
 * (a meter registry without an observation registry). {@link RequestTimerFromAnObservationTest} runs the same cases
 * on the timer an observation registry makes, so both give the same timer.
 */
class RequestTimerTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private OrchestrationV1Client client;

    /** The interceptor under test, recording its timer in {@link #registry}. */
    OrchestrationObservationInterceptor timerInterceptor() {
        return OrchestrationObservationInterceptor.metrics(registry);
    }

    @Test
    void successTimersAreRegisteredWhenTheOperationFirstSucceeds() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("{\"data\":[]}")));
        OrchestrationV1Client client = client();
        assertThat(registry.find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers()).isEmpty();

        client.listWorkflows();
        client.listWorkflows();

        assertThat(registry.find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers()).hasSize(1);
        assertThat(registry.get(OrchestrationObservationInterceptor.OBSERVATION_NAME).tag("error", "none").timer()
                .count()).isEqualTo(2);
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private OrchestrationV1Client client(OrchestrationCallInterceptor... more) {
        return client(Duration.ofSeconds(5), more);
    }

    private OrchestrationV1Client client(Duration readTimeout, OrchestrationCallInterceptor... more) {
        var builder = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .readTimeout(readTimeout)
                .interceptor(timerInterceptor());
        for (OrchestrationCallInterceptor interceptor : more) {
            builder.interceptor(interceptor);
        }
        client = builder.build();
        return client;
    }

    /** The tags of the only request timer that counted a call. */
    private Map<String, String> tagsOfTheRecordedCall() {
        List<Timer> used = registry.find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers().stream()
                .filter(timer -> timer.count() > 0)
                .toList();
        assertThat(used).hasSize(1);
        assertThat(used.get(0).count()).isEqualTo(1);
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : used.get(0).getId().getTags()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        // added by Micrometer's DefaultMeterObservationHandler: the failure's simple class name, or none
        assertThat(tags).containsKey("error");
        tags.remove("error");
        return tags;
    }

    private static Map<String, String> tags(String operation, String method, String status, String outcome,
            String errorCode) {
        return new TreeMap<>(Map.of("operation", operation, "method", method, "status", status, "outcome", outcome,
                "error.code", errorCode));
    }

    @Test
    void aSuccessfulCall() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("{\"data\":[]}")));

        assertThat(client().listWorkflows()).isEmpty();

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "200", "SUCCESS", "none"));
        Timer timer = registry.get(OrchestrationObservationInterceptor.OBSERVATION_NAME).tag("status", "200")
                .tag("operation", "listWorkflows").timer();
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void theSeedNameIsTheOperationTagOfServerInfo() {
        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));

        client().getServerInfo();

        assertThat(tagsOfTheRecordedCall())
                .isEqualTo(tags("orchestrationgetServerInfo", "GET", "200", "SUCCESS", "none"));
    }

    @Test
    void aNotFoundKeepsTheIdOutOfTheTags() {
        server.stubFor(get("/triggers/trigger-42").willReturn(Stubs.error(404, "NOT_FOUND")));

        assertThatThrownBy(() -> client().readTrigger("trigger-42")).isInstanceOf(OrchestrationApiException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("readTrigger", "GET", "404", "CLIENT_ERROR", "NOT_FOUND"));
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getValue().contains("trigger-42"));
        }
    }

    @Test
    void aServerError() {
        server.stubFor(get("/instances/inst-1").willReturn(Stubs.error(500, "INTERNAL")));

        assertThatThrownBy(() -> client().getInstance("inst-1")).isInstanceOf(OrchestrationApiException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("getInstance", "GET", "500", "SERVER_ERROR", "INTERNAL"));
    }

    @Test
    void anUnknownErrorCodeIsOther() {
        server.stubFor(get("/workflows").willReturn(Stubs.error(403, "FORBIDDEN")));

        assertThatThrownBy(() -> client().listWorkflows()).isInstanceOf(OrchestrationApiException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "403", "CLIENT_ERROR", "OTHER"));
    }

    @Test
    void aGatewayPageHasNoErrorCode() {
        server.stubFor(get("/workflows").willReturn(Stubs.empty(502).withHeader("Content-Type", "text/html")
                .withBody("<html>Bad Gateway</html>")));

        assertThatThrownBy(() -> client().listWorkflows()).isInstanceOf(OrchestrationApiException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "502", "SERVER_ERROR", "none"));
    }

    @Test
    void anUnreadableSuccessBodyKeepsItsStatusButIsNoSuccess() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("not json")));

        assertThatThrownBy(() -> client().listWorkflows()).isInstanceOf(OrchestrationResponseException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "200", "UNKNOWN", "none"));
    }

    @Test
    void aTransportFailure() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("").withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client().listWorkflows()).isInstanceOf(OrchestrationTransportException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "IO_ERROR", "UNKNOWN", "none"));
    }

    @Test
    void aTimeout() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("{\"data\":[]}").withFixedDelay(1_000)));

        assertThatThrownBy(() -> client(Duration.ofMillis(300)).listWorkflows())
                .isInstanceOf(OrchestrationTimeoutException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "TIMEOUT", "UNKNOWN", "none"));
        Stubs.awaitAnswered(server, 1);
    }

    @Test
    void anOpenCircuit() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("test");
        breaker.transitionToOpenState();

        assertThatThrownBy(() -> client(new OrchestrationCircuitBreakerInterceptor(breaker)).deleteWorkflow("wf-1"))
                .isInstanceOf(OrchestrationCircuitOpenException.class);

        assertThat(tagsOfTheRecordedCall())
                .isEqualTo(tags("deleteWorkflow", "DELETE", "CIRCUIT_OPEN", "UNKNOWN", "none"));
    }

    @Test
    void aTokenFailure() {
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .tokenSource(scope -> {
                    throw new OrchestrationAuthenticationException("token endpoint refused the client", 401, null);
                })
                .interceptor(timerInterceptor())
                .build();

        assertThatThrownBy(() -> client.cancelEvent("inst-1"))
                .isInstanceOf(OrchestrationAuthenticationException.class);

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("cancelEvent", "PUT", "AUTH_ERROR", "UNKNOWN", "none"));
    }

    @Test
    void anyOtherFailureIsAClientError() {
        OrchestrationObservationInterceptor interceptor = timerInterceptor();

        assertThatThrownBy(() -> interceptor.intercept(OrchestrationOperation.CREATE_WORKFLOW, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(tagsOfTheRecordedCall())
                .isEqualTo(tags("createWorkflow", "POST", "CLIENT_ERROR", "UNKNOWN", "none"));
    }

    @Test
    void aRetriedCallIsTimedOnceWithItsFinalStatus() {
        server.stubFor(get("/workflows").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Stubs.empty(503)).willSetStateTo("up"));
        server.stubFor(get("/workflows").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(Stubs.ok("{\"data\":[]}")));

        client(new OrchestrationRetryInterceptor(3, Duration.ZERO, Duration.ZERO, 1.0)).listWorkflows();

        assertThat(tagsOfTheRecordedCall()).isEqualTo(tags("listWorkflows", "GET", "200", "SUCCESS", "none"));
    }

    @Test
    void aFailureNamesItsTypeInTheErrorTagAndEqualTagsShareOneTimer() {
        OrchestrationObservationInterceptor interceptor = timerInterceptor();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> interceptor.intercept(OrchestrationOperation.GET_WORKFLOW, () -> {
                throw new OrchestrationApiException(OrchestrationOperation.GET_WORKFLOW, 500,
                        io.github.formancecommunity.orchestration.client.model.ErrorCode.INTERNAL, "x", null, null,
                        "getWorkflow failed");
            })).isInstanceOf(OrchestrationApiException.class);
        }

        assertThat(registry.find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers()).hasSize(1);
        Timer timer = registry.get(OrchestrationObservationInterceptor.OBSERVATION_NAME).tag("status", "500").timer();
        assertThat(timer.count()).isEqualTo(3);
        assertThat(timer.getId().getTag("error")).isEqualTo("OrchestrationApiException");
    }
}
