package io.github.formancecommunity.orchestration.autoconfigure.faults;

import io.github.formancecommunity.orchestration.client.faults.OperationCase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Server-error bursts, 429, {@code Retry-After} and transport faults through the starter: idempotent operations
 * are retried within {@code retry.max-attempts} and no more, only on the documented failures; POSTs reach the
 * server exactly once. Counted on WireMock and by an interceptor between the retry and the breaker.
 */
class StarterRetryFaultTests {

    static final TokenIssuer TOKENS = new TokenIssuer();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(30).extensions(TOKENS)).build();

    private static final StarterTally TALLY = new StarterTally("starter retries");

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

    private static int apiRequests(OperationCase operation) {
        return server.countRequestsMatching(
                requestedFor(operation.method(), urlPathEqualTo(operation.path())).build()).getCount();
    }

    /**
     * The requests the server received for the operation once it has recorded at least {@code expected} (WireMock
     * records an exchange when it has answered, after a delay or a fault); the call has returned, so no more come.
     */
    private static int apiRequests(OperationCase operation, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> apiRequests(operation) >= expected);
        return apiRequests(operation);
    }

    static Stream<Arguments> errorStatuses() {
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        List<Arguments> cases = new ArrayList<>();
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            cases.add(Arguments.of(status, null));
            cases.add(Arguments.of(status, "1"));
            cases.add(Arguments.of(status, httpDate));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "HTTP {0}, Retry-After {1}")
    @MethodSource("errorStatuses")
    void aPersistentErrorIsRetriedWithinTheBudgetOnlyWhenRetryableAndNeverForAPost(int status, String retryAfter) {
        boolean retryable = status != 500;
        StarterFaults.runner(server.baseUrl()).run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
            AttemptCounter attempts = context.getBean(AttemptCounter.class);
            for (OperationCase operation : OperationCase.values()) {
                breaker.reset();
                attempts.attempts.set(0);
                ResponseDefinitionBuilder response = aResponse().withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"burst\"}");
                if (retryAfter != null) {
                    response.withHeader("Retry-After", retryAfter);
                }
                server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).willReturn(response));

                Throwable thrown = catchThrowable(() -> operation.invoke(client));
                TALLY.calls.incrementAndGet();

                assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationApiException.class);
                assertThat(((OrchestrationApiException) thrown).status()).isEqualTo(status);
                StarterFaults.assertNoSecrets(thrown, TokenIssuer.TOKEN_PREFIX);
                int expected = operation.idempotent() && retryable ? 3 : 1;
                int received = apiRequests(operation, expected);
                assertThat(received).as(operation + " requests").isEqualTo(expected);
                assertThat(attempts.attempts.get()).as(operation + " attempts").isEqualTo(expected);
                TALLY.faults.addAndGet(received);
                TALLY.requests.addAndGet(received);
                TALLY.retries.addAndGet(received - 1);
            }
            assertTokens(context);
        });
    }

    @ParameterizedTest(name = "{0} failures before success")
    @ValueSource(ints = {1, 2, 3, 4})
    void aBurstShorterThanTheBudgetIsHealedByRetriesALongerOneIsNot(int failures) {
        StarterFaults.runner(server.baseUrl()).run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            for (OperationCase operation : OperationCase.values()) {
                server.resetRequests();
                stubBurst(operation, failures, () -> aResponse().withStatus(503).withHeader("Retry-After", "0"));

                Throwable thrown = catchThrowable(() -> operation.invoke(client));
                TALLY.calls.incrementAndGet();

                int received = apiRequests(operation,
                        !operation.idempotent() ? 1 : failures < 3 ? failures + 1 : 3);
                TALLY.requests.addAndGet(received);
                TALLY.retries.addAndGet(received - 1);
                TALLY.faults.addAndGet(Math.min(received, failures));
                if (!operation.idempotent()) {
                    assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationApiException.class);
                    assertThat(received).as(operation + " requests").isEqualTo(1);
                }
                else if (failures < 3) {
                    assertThat(thrown).as(operation.name()).isNull();
                    assertThat(received).as(operation + " requests").isEqualTo(failures + 1);
                }
                else {
                    assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationApiException.class);
                    assertThat(received).as(operation + " requests").isEqualTo(3);
                }
            }
        });
    }

    enum TransportFault {
        RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), OrchestrationTransportException.class),
        EMPTY(() -> aResponse().withFault(Fault.EMPTY_RESPONSE), OrchestrationTransportException.class),
        RANDOM(() -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), OrchestrationTransportException.class),
        MALFORMED_CHUNK(() -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                OrchestrationTransportException.class),
        TIMEOUT(() -> aResponse().withStatus(200).withFixedDelay(3_000), OrchestrationTimeoutException.class);

        final Supplier<ResponseDefinitionBuilder> response;
        final Class<? extends OrchestrationException> expected;

        TransportFault(Supplier<ResponseDefinitionBuilder> response, Class<? extends OrchestrationException> expected) {
            this.response = response;
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(TransportFault.class)
    void aPersistentTransportFaultIsRetriedWithinTheBudgetAndNeverForAPost(TransportFault fault) {
        StarterFaults.runner(server.baseUrl())
                .withPropertyValues("formance.orchestration.read-timeout=250ms",
                        "formance.orchestration.run-wait-timeout=250ms")
                .run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
                    for (OperationCase operation : OperationCase.values()) {
                        breaker.reset();
                        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path()))
                                .willReturn(fault.response.get()));

                        Throwable thrown = catchThrowable(() -> operation.invoke(client));
                        TALLY.calls.incrementAndGet();

                        assertThat(thrown).as(operation.name()).isInstanceOf(fault.expected);
                        StarterFaults.assertNoSecrets(thrown, TokenIssuer.TOKEN_PREFIX);
                        int expected = operation.idempotent() ? 3 : 1;
                        int received = apiRequests(operation, expected);
                        TALLY.faults.addAndGet(received);
                        TALLY.requests.addAndGet(received);
                        TALLY.retries.addAndGet(received - 1);
                        assertThat(received).as(operation + " requests").isEqualTo(expected);
                    }
                });
    }

    @ParameterizedTest(name = "max-attempts={0}")
    @ValueSource(ints = {1, 2, 5})
    void theBudgetIsTheConfiguredOne(int maxAttempts) {
        StarterFaults.runner(server.baseUrl())
                .withPropertyValues("formance.orchestration.retry.max-attempts=" + maxAttempts)
                .run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    server.stubFor(request("GET", urlPathEqualTo("/workflows"))
                            .willReturn(aResponse().withStatus(502)));
                    server.stubFor(request("POST", urlPathEqualTo("/workflows"))
                            .willReturn(aResponse().withStatus(502)));

                    catchThrowable(client::listWorkflows);
                    catchThrowable(() -> OperationCase.CREATE_WORKFLOW.invoke(client));
                    TALLY.calls.addAndGet(2);

                    assertThat(apiRequests(OperationCase.LIST_WORKFLOWS, maxAttempts)).isEqualTo(maxAttempts);
                    assertThat(apiRequests(OperationCase.CREATE_WORKFLOW, 1)).isEqualTo(1);
                    TALLY.requests.addAndGet(maxAttempts + 1);
                    TALLY.faults.addAndGet(maxAttempts + 1);
                    TALLY.retries.addAndGet(maxAttempts - 1);
                });
    }

    @ParameterizedTest(name = "retry.enabled={0}")
    @ValueSource(booleans = {false})
    void retriesSwitchedOffMeansOneAttempt(boolean enabled) {
        StarterFaults.runner(server.baseUrl())
                .withPropertyValues("formance.orchestration.retry.enabled=" + enabled)
                .run(context -> {
                    server.stubFor(request("GET", urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(503)));
                    catchThrowable(context.getBean(OrchestrationV1.class)::listWorkflows);
                    TALLY.calls.incrementAndGet();
                    assertThat(apiRequests(OperationCase.LIST_WORKFLOWS, 1)).isEqualTo(1);
                    TALLY.requests.incrementAndGet();
                });
    }

    private static void stubBurst(OperationCase operation, int failures,
            Supplier<ResponseDefinitionBuilder> failure) {
        String scenario = "burst-" + operation.name();
        server.resetScenarios();
        for (int i = 0; i < failures; i++) {
            server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "failed-" + i).willSetStateTo("failed-" + (i + 1))
                    .willReturn(failure.get()));
        }
        ResponseDefinitionBuilder success = aResponse().withStatus(operation.operation().successStatus());
        if (operation.successBody() != null) {
            success.withHeader("Content-Type", "application/json").withBody(operation.successBody());
        }
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).inScenario(scenario)
                .whenScenarioStateIs("failed-" + failures).willReturn(success));
    }

    /** One token per scope for the whole context: no token request per retry. */
    private static void assertTokens(AssertableApplicationContext context) {
        assertThat(TOKENS.requests("orchestration:read")).isEqualTo(1);
        assertThat(TOKENS.requests("orchestration:write")).isEqualTo(1);
    }
}
