package io.github.formancecommunity.orchestration.autoconfigure.faults;

import io.github.formancecommunity.orchestration.client.faults.OperationCase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;

/**
 * The circuit breaker under storms: it opens under server errors and transport failures, rejects fast while open
 * (no request, not even a token request, reaches the stack), half-opens after its wait and closes on recovery or
 * opens again on failure; a storm of client errors or unreadable 2xx bodies never opens it.
 */
class CircuitBreakerFaultTests {

    static final TokenIssuer TOKENS = new TokenIssuer();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TOKENS)).build();

    private static final StarterTally TALLY = new StarterTally("starter circuit breaker");

    @BeforeEach
    void tokenEndpoint() {
        TOKENS.reset();
        server.stubFor(post(urlPathEqualTo(StarterFaults.TOKEN_PATH))
                .willReturn(aResponse().withTransformers(TokenIssuer.NAME)));
    }

    @org.junit.jupiter.api.AfterEach
    void countTokenRequests() {
        TALLY.tokenRequests.addAndGet(TOKENS.requests());
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    /** A window of 10 calls, opening at 50 % failures, half-open after 300 ms. */
    private static ApplicationContextRunner runner() {
        return StarterFaults.runner(server.baseUrl()).withPropertyValues(
                "formance.orchestration.circuit-breaker.sliding-window-size=10",
                "formance.orchestration.circuit-breaker.minimum-number-of-calls=10",
                "formance.orchestration.circuit-breaker.failure-rate-threshold=50",
                "formance.orchestration.circuit-breaker.wait-duration-in-open-state=300ms",
                "formance.orchestration.read-timeout=2s");
    }

    /** Requests that reached the API (the token endpoint excluded). */
    private static int apiRequests() {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getUrl().startsWith(StarterFaults.TOKEN_PATH)).count();
    }

    private static int apiRequests(int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> apiRequests() >= atLeast);
        return apiRequests();
    }

    private static List<StateTransition> record(CircuitBreaker breaker) {
        List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(event -> {
            transitions.add(event.getStateTransition());
            TALLY.transitions.incrementAndGet();
        });
        return transitions;
    }

    private static void stubAll(ResponseDefinitionBuilder response) {
        server.stubFor(request("GET", anyUrl()).willReturn(response));
        for (OperationCase operation : OperationCase.values()) {
            server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).willReturn(response));
        }
    }

    private static void stubSuccess() {
        for (OperationCase operation : OperationCase.values()) {
            ResponseDefinitionBuilder success = aResponse().withStatus(operation.operation().successStatus());
            if (operation.successBody() != null) {
                success.withHeader("Content-Type", "application/json").withBody(operation.successBody());
            }
            server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).willReturn(success));
        }
    }

    @Test
    void aServerErrorStormOpensTheBreakerWhichRejectsFastThenHalfOpensAndClosesOnRecovery() {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            List<StateTransition> transitions = record(breaker);
            stubAll(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                    .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"storm\"}"));

            // 500 is not retried: ten calls, ten failed attempts, the window is full and the breaker opens
            for (int i = 0; i < 10; i++) {
                assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(OrchestrationApiException.class);
            }
            TALLY.calls.addAndGet(10);
            TALLY.faults.addAndGet(10);
            assertThat(breaker.getState()).isEqualTo(State.OPEN);
            assertThat(apiRequests(10)).isEqualTo(10);
            int tokenRequests = TOKENS.requests();

            // open: every operation is rejected without a request, POSTs included, and without a token request
            for (int round = 0; round < 3; round++) {
                for (OperationCase operation : OperationCase.values()) {
                    Throwable thrown = catchThrowable(() -> operation.invoke(client));
                    assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationCircuitOpenException.class);
                    assertThat(thrown.getMessage()).startsWith(operation.operation().operationId() + " rejected")
                            .contains("formance-orchestration");
                    assertThat(((OrchestrationCircuitOpenException) thrown).operation())
                            .isEqualTo(operation.operation());
                }
            }
            TALLY.calls.addAndGet(3 * OperationCase.values().length);
            assertThat(apiRequests()).isEqualTo(10);
            assertThat(TOKENS.requests()).isEqualTo(tokenRequests);

            // recovery: after the wait a trial call goes through; ten successes close the breaker
            stubSuccess();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                TALLY.calls.incrementAndGet();
                try {
                    client.listWorkflows();
                    return true;
                }
                catch (OrchestrationCircuitOpenException stillOpen) {
                    return false;
                }
            });
            assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);
            for (int i = 0; i < 9; i++) {
                client.getInstance("i1");
            }
            TALLY.calls.addAndGet(9);
            assertThat(breaker.getState()).isEqualTo(State.CLOSED);
            assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN,
                    StateTransition.OPEN_TO_HALF_OPEN, StateTransition.HALF_OPEN_TO_CLOSED);
            TALLY.requests.addAndGet(apiRequests(20));
        });
    }

    @Test
    void aHalfOpenBreakerThatStillSeesFailuresOpensAgain() {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            List<StateTransition> transitions = record(breaker);
            stubAll(aResponse().withStatus(500));

            for (int i = 0; i < 10; i++) {
                catchThrowable(client::listWorkflows);
            }
            assertThat(breaker.getState()).isEqualTo(State.OPEN);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !(catchThrowable(client::listWorkflows) instanceof OrchestrationCircuitOpenException));
            for (int i = 0; i < 9; i++) {
                assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(OrchestrationApiException.class);
            }
            TALLY.calls.addAndGet(20);
            TALLY.faults.addAndGet(20);

            assertThat(breaker.getState()).isEqualTo(State.OPEN);
            assertThat(transitions).containsExactly(StateTransition.CLOSED_TO_OPEN,
                    StateTransition.OPEN_TO_HALF_OPEN, StateTransition.HALF_OPEN_TO_OPEN);
            assertThat(apiRequests(20)).isEqualTo(20);
            assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(OrchestrationCircuitOpenException.class);
            assertThat(apiRequests()).isEqualTo(20);
            TALLY.requests.addAndGet(20);
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {502, 503, 504})
    void aRetriedStormStopsRetryingAsSoonAsTheBreakerOpens(int status) {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            record(breaker);
            stubAll(aResponse().withStatus(status).withHeader("Retry-After", "0"));

            // three calls of three attempts fill 9 slots; the fourth call's first attempt opens the breaker and its
            // retry is rejected
            for (int i = 0; i < 3; i++) {
                assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(OrchestrationApiException.class);
            }
            Throwable fourth = catchThrowable(client::listWorkflows);
            TALLY.calls.addAndGet(4);
            TALLY.faults.addAndGet(10);
            TALLY.retries.addAndGet(6);

            assertThat(fourth).isInstanceOf(OrchestrationCircuitOpenException.class);
            assertThat(breaker.getState()).isEqualTo(State.OPEN);
            assertThat(apiRequests(10)).isEqualTo(10);
            assertThat(context.getBean(AttemptCounter.class).attempts.get()).isEqualTo(11);
            TALLY.requests.addAndGet(10);
        });
    }

    @Test
    void aTransportFailureStormOpensTheBreaker() {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            record(breaker);
            stubAll(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            for (int i = 0; i < 10; i++) {
                assertThat(catchThrowable(() -> OperationCase.RUN_WORKFLOW.invoke(client)))
                        .isInstanceOf(OrchestrationTransportException.class);
            }
            TALLY.calls.addAndGet(10);
            TALLY.faults.addAndGet(10);

            assertThat(breaker.getState()).isEqualTo(State.OPEN);
            assertThat(catchThrowable(() -> OperationCase.RUN_WORKFLOW.invoke(client)))
                    .isInstanceOf(OrchestrationCircuitOpenException.class);
            assertThat(apiRequests(10)).isEqualTo(10);
            TALLY.requests.addAndGet(10);
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429})
    void aClientErrorStormNeverOpensTheBreaker(int status) {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            List<StateTransition> transitions = record(breaker);
            stubAll(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"errorCode\":\"VALIDATION\",\"errorMessage\":\"no\"}"));

            int calls = 0;
            for (int round = 0; round < 6; round++) {
                for (OperationCase operation : OperationCase.values()) {
                    Throwable thrown = catchThrowable(() -> operation.invoke(client));
                    calls++;
                    assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationApiException.class);
                    assertThat(((OrchestrationApiException) thrown).status()).isEqualTo(status);
                }
            }
            TALLY.calls.addAndGet(calls);
            TALLY.faults.addAndGet(calls);

            assertThat(transitions).isEmpty();
            assertThat(breaker.getState()).isEqualTo(State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            // every call reached the server: a 401 twice (one refresh), a 429 of an idempotent call three times
            int idempotent = (int) java.util.Arrays.stream(OperationCase.values())
                    .filter(OperationCase::idempotent).count();
            int expected = status == 401 ? 2 * calls : status == 429 ? 6 * (3 * idempotent + (17 - idempotent))
                    : calls;
            assertThat(apiRequests(expected)).isEqualTo(expected);
            TALLY.requests.addAndGet(expected);
            TALLY.retries.addAndGet(expected - calls);
        });
    }

    @Test
    void aStormOfUnreadableSuccessBodiesNeverOpensTheBreaker() {
        runner().run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html").withBody("<html>not the API</html>")));

            for (int i = 0; i < 50; i++) {
                assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(OrchestrationResponseException.class);
            }
            TALLY.calls.addAndGet(50);
            TALLY.faults.addAndGet(50);

            assertThat(breaker.getState()).isEqualTo(State.CLOSED);
            assertThat(apiRequests(50)).isEqualTo(50);
            TALLY.requests.addAndGet(50);
        });
    }
}
