package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;

/** Failures injected ahead of normal handling. */
class FaultInjectionTest {

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;

    @BeforeAll
    static void start() {
        server = EmbeddedOrchestrationServer.startDefault();
        client = server.newClient();
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void failNextAnswersTheStatusTheGivenNumberOfTimesThenHandlesNormally() {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503, 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(client::listWorkflows).isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                assertThat(ex.status()).isEqualTo(503);
                assertThat(ex.errorCode()).isEqualTo(ErrorCode.INTERNAL);
            });
        }
        assertThat(client.listWorkflows()).isEmpty();
        // Other operations are untouched.
        assertThat(client.getServerInfo().version()).isNotBlank();
    }

    @Test
    void aFaultCanCarryHeadersAndANonJsonBody() {
        server.inject(Fault.on(OrchestrationOperation.LIST_TRIGGERS)
                .respond(502, "<html>Bad Gateway</html>", "text/html")
                .withHeader("Retry-After", "3"));

        HttpResponse<String> response = RawHttp.get(server.url("/triggers"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(RawHttp.get(server.url("/triggers")).statusCode()).isEqualTo(200);
    }

    @Test
    void defaultBodiesFollowTheServerFormat() {
        server.inject(Fault.onPath("GET", ".*/workflows").respond(404));
        server.inject(Fault.onPath(".*/triggers").respond(401));

        HttpResponse<String> notFound = RawHttp.get(server.url("/workflows"));
        HttpResponse<String> unauthorized = RawHttp.get(server.url("/triggers"));

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(notFound).get("errorCode").asString()).isEqualTo("NOT_FOUND");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.body()).isEmpty();
    }

    @Test
    void aDelayedRequestIsThenHandledNormally() throws IOException {
        server.delayNext(OrchestrationOperation.LIST_WORKFLOWS, Duration.ofSeconds(3), 1);

        try (OrchestrationV1Client impatient = server.newClientBuilder().readTimeout(Duration.ofMillis(200))
                .build()) {
            assertThatThrownBy(impatient::listWorkflows).isInstanceOf(OrchestrationTimeoutException.class);
        }
        assertThat(client.listWorkflows()).isEmpty();
    }

    @Test
    void disconnectDropsTheConnectionWithoutAnswer() {
        server.inject(Fault.on(OrchestrationOperation.GET_SERVER_INFO).disconnect());

        assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationTransportException.class);
        assertThat(server.exchanges(OrchestrationOperation.GET_SERVER_INFO)).first()
                .satisfies(exchange -> assertThat(exchange.status()).isZero());
        assertThat(client.getServerInfo().version()).isNotBlank();
    }

    @Test
    void faultsOnTheTokenEndpointMatchByPath() {
        server.failNext(EmbeddedOrchestrationServer.TOKEN_PATH, 500, 1);

        assertThat(RawHttp.postForm(server.tokenUrl(), "grant_type=client_credentials&client_id=a&client_secret=b")
                .statusCode()).isEqualTo(500);
        assertThat(RawHttp.postForm(server.tokenUrl(), "grant_type=client_credentials&client_id=a&client_secret=b")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void faultsApplyBeforeAuthentication() {
        try (EmbeddedOrchestrationServer secured = EmbeddedOrchestrationServer.builder().client("a", "b").start()) {
            secured.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503);

            assertThat(RawHttp.get(secured.url("/workflows")).statusCode()).isEqualTo(503);
            assertThat(RawHttp.get(secured.url("/workflows")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void resetAndClearFaultsDropPendingFaults() {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 500, 5);
        server.clearFaults();
        assertThat(client.listWorkflows()).isEmpty();

        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 500, 5);
        server.reset();
        assertThat(client.listWorkflows()).isEmpty();
    }

    @Test
    void invalidFaultsAreRejected() {
        assertThatThrownBy(() -> server.inject(Fault.on(OrchestrationOperation.LIST_WORKFLOWS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does nothing");
        assertThatThrownBy(() -> Fault.onAnyRequest().respond(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.onAnyRequest().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.onAnyRequest().respond(500).disconnect())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.onPath("[")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.onAnyRequest().delay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
