package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.TOKEN;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.assertNoSecretAndBounded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * Error statuses with odd, huge or hostile bodies: always an {@link OrchestrationApiException} with the status,
 * a bounded message naming the operation, and never the token, even when the server echoes it.
 */
class ErrorResponseFaultTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static final ScenarioTally TALLY = new ScenarioTally("client error responses");

    private OrchestrationV1Client client;

    @BeforeEach
    void client() {
        client = FaultSupport.builder(server.baseUrl()).readTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    private static OrchestrationApiException apiFailure(Throwable thrown, OrchestrationOperation op, int status) {
        assertThat(thrown).isInstanceOf(OrchestrationApiException.class);
        OrchestrationApiException ex = (OrchestrationApiException) thrown;
        assertThat(ex.operation()).isEqualTo(op);
        assertThat(ex.status()).isEqualTo(status);
        assertThat(ex.getMessage()).startsWith(op.operationId() + " failed: HTTP " + status);
        assertNoSecretAndBounded(ex);
        TALLY.typedFailure();
        return ex;
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "text/plain"})
    void aTenMegabyteErrorBodyGivesABoundedMessage(String contentType) {
        String body = contentType.endsWith("json")
                ? "{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"" + "e".repeat(FaultSupport.TEN_MB) + "\"}"
                : "x".repeat(FaultSupport.TEN_MB);
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", contentType).withBody(body)));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, 500);
    }

    @Test
    void aLongErrorMessageInsideAValidErrorIsTruncatedInTheMessage() {
        String longMessage = "m".repeat(20_000);
        server.stubFor(get(urlPathEqualTo("/workflows/w1")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"" + longMessage + "\",\"details\":\""
                        + longMessage + "\"}")));

        Throwable thrown = catchThrowable(() -> client.getWorkflow("w1"));
        TALLY.fault();

        OrchestrationApiException ex = apiFailure(thrown, OrchestrationOperation.GET_WORKFLOW, 500);
        assertThat(ex.errorCode().value()).isEqualTo("INTERNAL");
        assertThat(ex.errorMessage()).hasSize(20_000);
    }

    @Test
    void anUnknownErrorCodeIsKept() {
        server.stubFor(get(urlPathEqualTo("/workflows/w1")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"FORBIDDEN\",\"errorMessage\":\"no\",\"hint\":{\"x\":1}}")));

        Throwable thrown = catchThrowable(() -> client.getWorkflow("w1"));
        TALLY.fault();

        OrchestrationApiException ex = apiFailure(thrown, OrchestrationOperation.GET_WORKFLOW, 403);
        assertThat(ex.errorCode().value()).isEqualTo("FORBIDDEN");
        assertThat(ex.errorCode().isKnown()).isFalse();
        assertThat(ex.isClientError()).isTrue();
    }

    @Test
    void deeplyNestedErrorBodyIsStillAnApiException() {
        int depth = 5_000;
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":" + "[".repeat(depth) + "]".repeat(depth)
                        + "}")));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, 500);
    }

    @Test
    void anErrorBodyEchoingTheTokenDoesNotLeakIt() {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"VALIDATION\",\"errorMessage\":\"bad header Bearer " + TOKEN + "\","
                        + "\"details\":\"" + TOKEN + "\"}")));
        server.stubFor(get(urlPathEqualTo("/instances")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><pre>Authorization: Bearer " + TOKEN + "</pre></html>")));

        Throwable validation = catchThrowable(() -> client.listWorkflows());
        Throwable gateway = catchThrowable(() -> client.listInstances());
        TALLY.fault();
        TALLY.fault();

        OrchestrationApiException ex = apiFailure(validation, OrchestrationOperation.LIST_WORKFLOWS, 400);
        assertThat(ex.errorMessage()).doesNotContain(TOKEN).contains("bad header");
        assertThat(ex.details()).doesNotContain(TOKEN);
        apiFailure(gateway, OrchestrationOperation.LIST_INSTANCES, 502);
    }

    @Test
    void aSuccessBodyEchoingTheTokenDoesNotLeakItIntoTheMessage() {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("your token is " + TOKEN)));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        assertThat(thrown).isInstanceOf(io.github.formancecommunity.orchestration.client.OrchestrationResponseException.class);
        assertNoSecretAndBounded(thrown);
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 190, 199, 200, 201})
    void anEchoedTokenStraddlingTheExcerptCutIsMaskedWhole(int offset) {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("x".repeat(offset) + TOKEN + "y".repeat(500))));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        OrchestrationApiException ex = apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, 502);
        for (int prefix = 6; prefix < TOKEN.length(); prefix++) {
            assertThat(ex.getMessage()).doesNotContain(TOKEN.substring(0, prefix) + "...");
        }
        assertThat(ex.getMessage()).doesNotContain(TOKEN.substring(0, 12));
    }

    @Test
    void anEchoedTokenInAFieldJacksonQuotesStaysOutOfTheCauseChain() {
        server.stubFor(get(urlPathEqualTo("/workflows/w1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"w1\",\"createdAt\":\"" + TOKEN + "\"}}")));

        Throwable thrown = catchThrowable(() -> client.getWorkflow("w1"));
        TALLY.fault();

        assertThat(thrown).isInstanceOf(io.github.formancecommunity.orchestration.client.OrchestrationResponseException.class);
        assertNoSecretAndBounded(thrown);
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsNotFollowedSoTheTokenNeverLeavesForAnotherHost(int status) {
        elsewhere.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[]}")));
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/workflows")));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, status);
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }

    @Test
    void a401IsRetriedOnceWithARefreshedTokenAndNoMore() throws Exception {
        RefreshableSource tokens = new RefreshableSource();
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")));

        Throwable thrown;
        try (OrchestrationV1Client refreshing = FaultSupport.builder(server.baseUrl()).tokenSource(tokens).build()) {
            thrown = catchThrowable(refreshing::listWorkflows);
        }
        TALLY.fault();

        OrchestrationApiException ex = apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, 401);
        assertThat(ex.getMessage()).doesNotContain(TOKEN + "-1").doesNotContain(TOKEN + "-2");
        server.verify(2, getRequestedFor(urlPathEqualTo("/workflows")));
        TALLY.requests(2);
        TALLY.retries(1);
        assertThat(tokens.invalidated).containsExactly(TOKEN + "-1", TOKEN + "-2");
    }

    @Test
    void a401InTheMiddleOfASequenceIsHealedByOneRefresh() throws Exception {
        RefreshableSource tokens = new RefreshableSource();
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[]}"))
                .willSetStateTo("expired"));
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("expiry").whenScenarioStateIs("expired")
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        server.stubFor(get(urlPathEqualTo("/workflows")).inScenario("expiry").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"id\":\"w1\"}]}")));

        try (OrchestrationV1Client refreshing = FaultSupport.builder(server.baseUrl()).tokenSource(tokens).build()) {
            assertThat(refreshing.listWorkflows()).isEmpty();
            List<Workflow> afterRefresh = refreshing.listWorkflows();
            TALLY.call();
            TALLY.fault();
            assertThat(afterRefresh).extracting(Workflow::id).containsExactly("w1");
        }
        server.verify(3, getRequestedFor(urlPathEqualTo("/workflows")));
        TALLY.requests(3);
        TALLY.retries(1);
        assertThat(tokens.invalidated).containsExactly(TOKEN + "-1");
    }

    @Test
    void a401OnAPostIsRetriedOnceBecauseTheServerRejectedItBeforeProcessing() throws Exception {
        RefreshableSource tokens = new RefreshableSource();
        server.stubFor(post(urlPathEqualTo("/workflows/w1/instances")).willReturn(aResponse().withStatus(401)));

        Throwable thrown;
        try (OrchestrationV1Client refreshing = FaultSupport.builder(server.baseUrl()).tokenSource(tokens).build()) {
            thrown = catchThrowable(() -> refreshing.runWorkflow("w1"));
        }
        TALLY.fault();

        apiFailure(thrown, OrchestrationOperation.RUN_WORKFLOW, 401);
        assertThat(server.getAllServeEvents()).hasSize(2);
        TALLY.requests(2);
        TALLY.retries(1);
    }

    @Test
    void a401WithAStaticTokenIsNotRetried() {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(401)));

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        assertThat(apiFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS, 401).getMessage()).contains("token");
        server.verify(1, getRequestedFor(urlPathEqualTo("/workflows")));
        TALLY.requests(1);
    }

    /** A refreshable source handing out {@code TOKEN-1}, {@code TOKEN-2}, ... and recording what was rejected. */
    static final class RefreshableSource implements BearerTokenSource {

        private final AtomicInteger generation = new AtomicInteger(1);
        final List<String> invalidated = new CopyOnWriteArrayList<>();

        @Override
        public String token(String scope) {
            return TOKEN + "-" + generation.get();
        }

        @Override
        public void invalidate(String rejectedToken) {
            invalidated.add(rejectedToken);
            generation.compareAndSet(Integer.parseInt(rejectedToken.substring(rejectedToken.lastIndexOf('-') + 1)),
                    generation.get() + 1);
        }

        @Override
        public boolean isRefreshable() {
            return true;
        }

        @Override
        public String toString() {
            return "RefreshableSource";
        }
    }
}
