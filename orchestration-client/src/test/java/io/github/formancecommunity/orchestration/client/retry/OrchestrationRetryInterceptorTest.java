package io.github.formancecommunity.orchestration.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

class OrchestrationRetryInterceptorTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** The waits the interceptor asked for, instead of waiting. */
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recorder = waits::add;

    private OrchestrationV1Client client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private OrchestrationV1Client client(OrchestrationRetryInterceptor... interceptors) {
        return client(Duration.ofSeconds(5), interceptors);
    }

    private OrchestrationV1Client client(Duration readTimeout, OrchestrationRetryInterceptor... interceptors) {
        var builder = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .readTimeout(readTimeout);
        for (OrchestrationRetryInterceptor interceptor : interceptors) {
            builder.interceptor(interceptor);
        }
        client = builder.build();
        return client;
    }

    private OrchestrationRetryInterceptor retry(int maxAttempts) {
        return new OrchestrationRetryInterceptor(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0,
                recorder);
    }

    @Test
    void aGetIsSentMaxAttemptsTimesOnA503() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(503)));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(client::getServerInfo)
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> assertThat(ex.status()).isEqualTo(503));

        server.verify(3, getRequestedFor(urlEqualTo("/_info")));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aPostIsSentExactlyOnceOnA503() {
        server.stubFor(post("/workflows/wf-1/instances").willReturn(Stubs.empty(503)));
        server.stubFor(post("/workflows").willReturn(Stubs.empty(503)));
        server.stubFor(post("/instances/inst-1/events").willReturn(Stubs.empty(503)));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(() -> client.runWorkflow("wf-1", Map.of(), false))
                .isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(() -> client.createWorkflow(new WorkflowConfig("demo", List.of())))
                .isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(() -> client.sendEvent("inst-1", "processed"))
                .isInstanceOf(OrchestrationApiException.class);

        server.verify(1, postRequestedFor(urlPathEqualTo("/workflows/wf-1/instances")));
        server.verify(1, postRequestedFor(urlEqualTo("/workflows")));
        server.verify(1, postRequestedFor(urlEqualTo("/instances/inst-1/events")));
        assertThat(waits).isEmpty();
    }

    @Test
    void aPostIsNotRetriedAfterATransportFailureEither() {
        server.stubFor(post("/workflows/wf-1/instances").willReturn(Stubs.empty(201)
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(() -> client.runWorkflow("wf-1", Map.of(), false))
                .isInstanceOf(OrchestrationTransportException.class);

        server.verify(1, postRequestedFor(urlPathEqualTo("/workflows/wf-1/instances")));
    }

    @Test
    void deletesAndTheAbortPutAreRetried() {
        server.stubFor(delete("/workflows/wf-1").willReturn(Stubs.empty(502)));
        server.stubFor(delete("/triggers/tr-1").willReturn(Stubs.empty(504)));
        server.stubFor(put("/instances/inst-1/abort").willReturn(Stubs.empty(503)));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(() -> client.deleteWorkflow("wf-1")).isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(() -> client.deleteTrigger("tr-1")).isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(() -> client.cancelEvent("inst-1")).isInstanceOf(OrchestrationApiException.class);

        server.verify(3, deleteRequestedFor(urlEqualTo("/workflows/wf-1")));
        server.verify(3, deleteRequestedFor(urlEqualTo("/triggers/tr-1")));
        server.verify(3, putRequestedFor(urlEqualTo("/instances/inst-1/abort")));
    }

    @Test
    void aRetryThatSucceedsReturnsTheResult() {
        server.stubFor(get("/workflows/wf-1").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Stubs.empty(503)).willSetStateTo("second"));
        server.stubFor(get("/workflows/wf-1").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(Stubs.ok("").withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("third"));
        server.stubFor(get("/workflows/wf-1").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(Stubs.ok(Stubs.WORKFLOW_RESPONSE)));
        OrchestrationV1Client client = client(retry(3));

        assertThat(client.getWorkflow("wf-1").id()).isEqualTo("wf-1");

        server.verify(3, getRequestedFor(urlEqualTo("/workflows/wf-1")));
    }

    @Test
    void timeoutsOfAGetAreRetried() {
        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO).withFixedDelay(1_500)));
        OrchestrationV1Client client = client(Duration.ofMillis(300), retry(2));

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationTimeoutException.class);

        Stubs.awaitAnswered(server, 2);
        server.verify(2, getRequestedFor(urlEqualTo("/_info")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 404, 409, 500, 501 })
    void otherStatusesAreNotRetried(int status) {
        server.stubFor(get("/_info").willReturn(Stubs.error(status, "INTERNAL")));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(client::getServerInfo)
                .isInstanceOfSatisfying(OrchestrationApiException.class,
                        ex -> assertThat(ex.status()).isEqualTo(status));

        server.verify(1, anyRequestedFor(anyUrl()));
        assertThat(waits).isEmpty();
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoff() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(429).withHeader("Retry-After", "1")));
        OrchestrationV1Client client = client(retry(3));

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);

        server.verify(3, getRequestedFor(urlEqualTo("/_info")));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsCappedAtTheMaximumBackoff() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(503).withHeader("Retry-After", "120")));
        OrchestrationV1Client client = client(retry(2));

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheBackoff() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(503).withHeader("Retry-After", "0")));
        OrchestrationV1Client client = client(retry(2));

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);

        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void backoffGrowsExponentiallyUpToTheMaximum() {
        OrchestrationRetryInterceptor retry = new OrchestrationRetryInterceptor(6, Duration.ofMillis(100),
                Duration.ofMillis(500), 2.0, recorder);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> {
            attempts.incrementAndGet();
            throw new OrchestrationTransportException(OrchestrationOperation.LIST_WORKFLOWS, "reset", null);
        })).isInstanceOf(OrchestrationTransportException.class);

        assertThat(attempts).hasValue(6);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void anOpenCircuitIsNeverRetried() {
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.ofDefaults());
        breaker.transitionToOpenState();
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .interceptor(retry(5))
                .interceptor(new OrchestrationCircuitBreakerInterceptor(breaker))
                .build();

        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationCircuitOpenException.class);

        assertThat(waits).isEmpty();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
    }

    @Test
    void retriesStopWhenTheBreakerOpensOnTheWay() {
        server.stubFor(get("/workflows").willReturn(Stubs.empty(503)));
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .interceptor(retry(5))
                .interceptor(new OrchestrationCircuitBreakerInterceptor(breaker))
                .build();

        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationCircuitOpenException.class);

        server.verify(2, getRequestedFor(urlEqualTo("/workflows")));
        assertThat(waits).hasSize(2);
    }

    @Test
    void anInterruptWhileWaitingEndsTheRetriesAndKeepsTheFlag() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(503)));
        OrchestrationRetryInterceptor retry = new OrchestrationRetryInterceptor(3, Duration.ofMillis(100),
                Duration.ofSeconds(1), 2.0, duration -> {
                    throw new InterruptedException();
                });
        OrchestrationV1Client client = client(retry);

        try {
            assertThatThrownBy(client::getServerInfo).isInstanceOfSatisfying(OrchestrationApiException.class,
                    ex -> assertThat(ex.status()).isEqualTo(503));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
        server.verify(1, getRequestedFor(urlEqualTo("/_info")));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(503)));
        OrchestrationV1Client client = client(retry(1));

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);

        server.verify(1, getRequestedFor(urlEqualTo("/_info")));
    }

    @Test
    void theBuilderRejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> OrchestrationV1Client.builder().retry(0, Duration.ZERO, Duration.ZERO, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> OrchestrationV1Client.builder().retry(3, Duration.ofMillis(-1), Duration.ZERO, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> OrchestrationV1Client.builder().retry(3, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> OrchestrationV1Client.builder().retry(3, Duration.ZERO, Duration.ZERO, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> OrchestrationV1Client.builder().retry(3, Duration.ZERO, Duration.ZERO, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    }
}
