package io.github.formancecommunity.orchestration.client.circuitbreaker;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

class OrchestrationCircuitBreakerInterceptorTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private OrchestrationV1Client client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** A breaker that opens at 50% failures over the last 4 calls and stays open for a minute. */
    private static CircuitBreaker breaker() {
        return CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
    }

    private OrchestrationV1Client client(CircuitBreaker breaker) {
        return client(breaker, Duration.ofSeconds(5));
    }

    private OrchestrationV1Client client(CircuitBreaker breaker, Duration readTimeout) {
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .readTimeout(readTimeout)
                .interceptor(new OrchestrationCircuitBreakerInterceptor(breaker))
                .build();
        return client;
    }

    @Test
    void opensAfterServerErrorsAndThenRejectsWithoutSendingAnything() {
        server.stubFor(get("/_info").willReturn(Stubs.error(500, "INTERNAL")));
        CircuitBreaker breaker = breaker();
        OrchestrationV1Client client = client(breaker);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
        server.resetRequests();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(client::listWorkflows)
                    .isInstanceOfSatisfying(OrchestrationCircuitOpenException.class, ex -> {
                        assertThat(ex.circuitBreakerName()).isEqualTo("test");
                        assertThat(ex.operation()).isEqualTo(OrchestrationOperation.LIST_WORKFLOWS);
                        assertThat(ex).hasMessageContaining("listWorkflows").hasMessageContaining("'test'");
                    });
        }
        server.verify(0, anyRequestedFor(anyUrl()));
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(5);
    }

    @Test
    void transportFailuresAndTimeoutsAreFailures() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("{\"data\":[]}").withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO).withFixedDelay(1_500)));
        CircuitBreaker breaker = breaker();
        OrchestrationV1Client client = client(breaker, Duration.ofMillis(300));

        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationTransportException.class);
        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationTransportException.class);
        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationTimeoutException.class);
        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationTimeoutException.class);

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Stubs.awaitAnswered(server, 4);
    }

    @Test
    void aStormOfClientErrorsDoesNotOpenTheBreaker() {
        server.stubFor(get("/workflows/missing").willReturn(Stubs.error(404, "NOT_FOUND")));
        server.stubFor(get("/workflows/bad").willReturn(Stubs.error(400, "VALIDATION")));
        server.stubFor(get("/_info").willReturn(Stubs.empty(401)));
        CircuitBreaker breaker = breaker();
        OrchestrationV1Client client = client(breaker);

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> client.getWorkflow("missing")).isInstanceOf(OrchestrationApiException.class);
            assertThatThrownBy(() -> client.getWorkflow("bad")).isInstanceOf(OrchestrationApiException.class);
            assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(4);
        server.verify(30, anyRequestedFor(anyUrl()));
    }

    @Test
    void clientErrorsCountAsSuccessesAndDiluteTheFailureRate() {
        server.stubFor(get("/workflows/missing").willReturn(Stubs.error(404, "NOT_FOUND")));
        server.stubFor(get("/_info").willReturn(Stubs.error(503, "INTERNAL")));
        CircuitBreaker breaker = breaker();
        OrchestrationV1Client client = client(breaker);

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.getWorkflow("missing")).isInstanceOf(OrchestrationApiException.class);
        }

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(3);
        assertThat(breaker.getMetrics().getFailureRate()).isEqualTo(25f);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anUnreadableSuccessBodyIsNotAServerFailure() {
        server.stubFor(get("/workflows").willReturn(Stubs.ok("<html>gateway</html>")));
        CircuitBreaker breaker = breaker();
        OrchestrationV1Client client = client(breaker);

        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationResponseException.class);

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aTokenEndpointFailureIsNotCounted() {
        BearerTokenSource failing = scope -> {
            throw new OrchestrationAuthenticationException("token endpoint answered 503", 503, null);
        };
        CircuitBreaker breaker = breaker();
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .tokenSource(failing)
                .interceptor(new OrchestrationCircuitBreakerInterceptor(breaker))
                .build();

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationAuthenticationException.class);
        }

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aHalfOpenTrialThatIsNotCountedGivesItsPermissionBack() {
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        OrchestrationCircuitBreakerInterceptor interceptor = new OrchestrationCircuitBreakerInterceptor(breaker);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> interceptor.intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> {
                throw new IllegalArgumentException("cannot encode");
            })).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(interceptor.intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> "ok")).isEqualTo("ok");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void halfOpensAfterTheWaitAndClosesWhenTheServerRecovers() {
        server.stubFor(get("/_info").willReturn(Stubs.error(500, "INTERNAL")));
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMillis(50))
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        OrchestrationV1Client client = client(breaker);
        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));
        server.resetRequests();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            try {
                client.getServerInfo();
                return true;
            }
            catch (OrchestrationCircuitOpenException stillOpen) {
                return false;
            }
        });

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(client.getServerInfo().version()).isEqualTo("v2.6.0");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        server.verify(2, getRequestedFor(urlEqualTo("/_info")));
    }

    @Test
    void aHalfOpenTrialThatFailsOpensTheBreakerAgain() {
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        server.stubFor(get("/_info").willReturn(Stubs.empty(502)));
        OrchestrationV1Client client = client(breaker);

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationApiException.class);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationCircuitOpenException.class);
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void runWorkflowWithWaitIsLimitedOnlyByTheRunWaitTimeout() {
        server.stubFor(post("/workflows/wf-1/instances?wait=true")
                .willReturn(Stubs.json(201, Stubs.RUN_RESPONSE).withFixedDelay(1_500)));
        server.stubFor(post("/workflows/wf-1/instances")
                .willReturn(Stubs.json(201, Stubs.RUN_RESPONSE).withFixedDelay(1_500)));
        CircuitBreaker breaker = breaker();
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .readTimeout(Duration.ofMillis(300))
                .runWaitTimeout(Duration.ofSeconds(5))
                .interceptor(new OrchestrationCircuitBreakerInterceptor(breaker))
                .build();

        WorkflowInstance instance = client.runWorkflow("wf-1", Map.of("amount", "100"), true);

        assertThat(instance.id()).isEqualTo("inst-1");
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        // the same delay without wait=true is cut by the 300 ms read time-out, so the delay above was real
        assertThatThrownBy(() -> client.runWorkflow("wf-1", Map.of("amount", "100"), false))
                .isInstanceOf(OrchestrationTimeoutException.class);
        Stubs.awaitAnswered(server, 2);
    }
}
