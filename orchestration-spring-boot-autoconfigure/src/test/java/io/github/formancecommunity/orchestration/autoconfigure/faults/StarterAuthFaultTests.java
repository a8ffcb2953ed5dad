package io.github.formancecommunity.orchestration.autoconfigure.faults;

import io.github.formancecommunity.orchestration.client.faults.OperationCase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Authentication faults through the starter: a 401 in the middle of a sequence is healed by one token refresh
 * and one retry; a token endpoint that is down, slow or answers garbage gives an
 * {@link OrchestrationAuthenticationException} that shows neither the client secret nor a token, sends nothing
 * to the API, is not retried and does not count for the circuit breaker.
 */
class StarterAuthFaultTests {

    static final TokenIssuer TOKENS = new TokenIssuer();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TOKENS)).build();

    private static final StarterTally TALLY = new StarterTally("starter authentication");

    @BeforeEach
    void reset() {
        TOKENS.reset();
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    private static void issueTokens() {
        server.stubFor(post(urlPathEqualTo(StarterFaults.TOKEN_PATH))
                .willReturn(aResponse().withTransformers(TokenIssuer.NAME)));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void a401InTheMiddleOfASequenceRefreshesTheTokenOnceAndRetriesOnce() {
        issueTokens();
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("revoked").whenScenarioStateIs(STARTED)
                .willReturn(ok("{\"data\":[]}")).willSetStateTo("revoked"));
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("revoked").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json"))
                .willSetStateTo("renewed"));
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("revoked").whenScenarioStateIs("renewed")
                .willReturn(ok("{\"data\":[{\"id\":\"w1\"}]}")));

        StarterFaults.runner(server.baseUrl()).run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            AttemptCounter attempts = context.getBean(AttemptCounter.class);

            assertThat(client.listWorkflows()).isEmpty();
            List<Workflow> afterRevocation = client.listWorkflows();
            assertThat(client.listWorkflows()).hasSize(1);
            TALLY.calls.addAndGet(3);

            assertThat(afterRevocation).extracting(Workflow::id).containsExactly("w1");
            List<LoggedRequest> sent = server.findAll(getRequestedFor(urlPathEqualTo("/workflows")));
            assertThat(sent).hasSize(4);
            assertThat(sent).extracting(r -> r.getHeader("Authorization")).containsExactly(
                    "Bearer " + TokenIssuer.TOKEN_PREFIX + "orchestration_read-1",
                    "Bearer " + TokenIssuer.TOKEN_PREFIX + "orchestration_read-1",
                    "Bearer " + TokenIssuer.TOKEN_PREFIX + "orchestration_read-2",
                    "Bearer " + TokenIssuer.TOKEN_PREFIX + "orchestration_read-2");
            assertThat(TOKENS.requests("orchestration:read")).isEqualTo(2);
            // the refresh happens inside the call: the retry interceptor saw one attempt per call
            assertThat(attempts.attempts.get()).isEqualTo(3);
            TALLY.requests.addAndGet(4);
            TALLY.faults.incrementAndGet();
            TALLY.retries.incrementAndGet();
            TALLY.tokenRequests.addAndGet(TOKENS.requests());
        });
    }

    @Test
    void aPersistent401IsRetriedOnceThenReportedForGetsAndPosts() {
        issueTokens();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(401)));

        StarterFaults.runner(server.baseUrl()).run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);

            Throwable read = catchThrowable(client::listWorkflows);
            Throwable write = catchThrowable(() -> OperationCase.CREATE_WORKFLOW.invoke(client));
            TALLY.calls.addAndGet(2);

            assertThat(read).isInstanceOf(OrchestrationApiException.class);
            assertThat(((OrchestrationApiException) read).status()).isEqualTo(401);
            assertThat(write).isInstanceOf(OrchestrationApiException.class);
            StarterFaults.assertNoSecrets(read, TokenIssuer.TOKEN_PREFIX);
            server.verify(2, getRequestedFor(urlPathEqualTo("/workflows")));
            server.verify(2, postRequestedFor(urlPathEqualTo("/workflows")));
            assertThat(TOKENS.requests("orchestration:read")).isEqualTo(2);
            assertThat(TOKENS.requests("orchestration:write")).isEqualTo(2);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            TALLY.requests.addAndGet(4);
            TALLY.faults.addAndGet(4);
            TALLY.retries.addAndGet(2);
            TALLY.tokenRequests.addAndGet(TOKENS.requests());
        });
    }

    @Test
    void closingTheContextStopsTheTokenEndpointThreads() {
        issueTokens();
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(ok("{\"data\":[]}")));
        java.util.concurrent.atomic.AtomicInteger during = new java.util.concurrent.atomic.AtomicInteger();

        StarterFaults.runner(server.baseUrl()).run(context -> {
            context.getBean(OrchestrationV1.class).listWorkflows();
            TALLY.calls.incrementAndGet();
            TALLY.tokenRequests.incrementAndGet();
            during.set(tokenThreads());
        });

        assertThat(during.get()).as("token endpoint worker threads while the context runs").isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tokenThreads()).isZero());
    }

    private static int tokenThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("formance-orchestration-token-")).count();
    }

    static List<Supplier<ResponseDefinitionBuilder>> garbage() {
        return List.of(
                () -> aResponse().withStatus(503).withBody("<html>token service down</html>"),
                () -> aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"server_error\",\"error_description\":\"bad secret "
                                + StarterFaults.SECRET + "\"}"),
                () -> aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}"),
                () -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>login page</html>"),
                () -> ok("{\"token\":\"not-the-right-field\"}"),
                () -> ok("{\"access_token\":\"" + TokenIssuer.TOKEN_PREFIX + "mac\",\"token_type\":\"mac\"}"),
                () -> ok("[\"" + TokenIssuer.TOKEN_PREFIX + "array\"]"),
                () -> ok("{\"access_token\":\"" + TokenIssuer.TOKEN_PREFIX + "cut"),
                () -> ok("{\"padding\":\"" + "p".repeat(10 * 1024 * 1024) + "\"}"),
                () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
                () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                () -> aResponse().withStatus(200).withFixedDelay(1_000));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void aTokenEndpointThatFailsOrAnswersGarbageGivesAnAuthenticationFailure(
            Supplier<ResponseDefinitionBuilder> answer) {
        server.stubFor(post(urlPathEqualTo(StarterFaults.TOKEN_PATH)).willReturn(answer.get()));

        StarterFaults.runner(server.baseUrl()).withPropertyValues("formance.orchestration.read-timeout=300ms")
                .run(context -> assertAuthenticationFailures(context.getBean(OrchestrationV1.class),
                        context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class), true));
    }

    @Test
    void aTokenEndpointThatIsDownGivesAnAuthenticationFailure() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        StarterFaults.runner(server.baseUrl())
                .withPropertyValues("formance.orchestration.auth.token-url=http://127.0.0.1:" + closedPort + "/token")
                .run(context -> assertAuthenticationFailures(context.getBean(OrchestrationV1.class),
                        context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class), false));
    }

    /**
     * Calls every operation 3 times: each fails with an authentication failure naming what went wrong, never
     * reaches the API, triggers exactly one token request (no retry), and the breaker stays closed and uncounted.
     */
    private static void assertAuthenticationFailures(OrchestrationV1 client, CircuitBreaker breaker,
            boolean countTokenRequests) {
        server.resetRequests();
        int calls = 0;
        for (int round = 0; round < 3; round++) {
            for (OperationCase operation : OperationCase.values()) {
                Throwable thrown = catchThrowable(() -> operation.invoke(client));
                calls++;
                assertThat(thrown).as(operation.name()).isInstanceOf(OrchestrationAuthenticationException.class);
                assertThat(thrown.getMessage()).contains("access token");
                StarterFaults.assertNoSecrets(thrown, TokenIssuer.TOKEN_PREFIX);
            }
        }
        TALLY.calls.addAndGet(calls);
        TALLY.faults.addAndGet(calls);
        // WireMock records an exchange once it has answered (after its delay, say): wait for the last ones
        int expected = countTokenRequests ? calls : 0;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.getAllServeEvents())
                .hasSize(expected)
                .allSatisfy(e -> assertThat(e.getRequest().getUrl()).isEqualTo(StarterFaults.TOKEN_PATH)));
        TALLY.tokenRequests.addAndGet(expected);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }
}
