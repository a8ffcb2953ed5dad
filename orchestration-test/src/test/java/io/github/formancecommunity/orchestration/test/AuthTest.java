package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import tools.jackson.databind.JsonNode;

/** The OAuth2 token endpoint and bearer checks, with an injected clock so that expiry needs no waiting. */
class AuthTest {

    private static final String FORM = "grant_type=client_credentials&client_id=app&client_secret=s3cr%26t"
            + "&scope=orchestration%3Aread+orchestration%3Awrite";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-28T10:00:00Z"));
    private EmbeddedOrchestrationServer server;

    @BeforeEach
    void start() {
        server = EmbeddedOrchestrationServer.builder().client("app", "s3cr&t").tokenTtl(Duration.ofMinutes(5))
                .clock(clock).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void issuesExpiringTokensToConfiguredClients() {
        HttpResponse<String> response = RawHttp.postForm(server.tokenUrl(), FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode token = RawHttp.json(response);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(300);
        assertThat(token.get("scope").asString()).isEqualTo("orchestration:read orchestration:write");
        String accessToken = token.get("access_token").asString();
        assertThat(accessToken).isNotBlank();

        assertThat(RawHttp.get(server.url("/workflows"), accessToken).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> expired = RawHttp.get(server.url("/workflows"), accessToken);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEmpty();
        assertThat(expired.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void acceptsHttpBasicCredentials() {
        String basic = Base64.getEncoder().encodeToString("app:s3cr&t".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(URI.create(server.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsBadCredentialsAndOtherGrants() {
        HttpResponse<String> wrongSecret = RawHttp.postForm(server.tokenUrl(),
                "grant_type=client_credentials&client_id=app&client_secret=nope");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(wrongSecret).get("error").asString()).isEqualTo("invalid_client");

        HttpResponse<String> unknownClient = RawHttp.postForm(server.tokenUrl(),
                "grant_type=client_credentials&client_id=other&client_secret=s3cr%26t");
        assertThat(unknownClient.statusCode()).isEqualTo(401);

        HttpResponse<String> password = RawHttp.postForm(server.tokenUrl(),
                "grant_type=password&client_id=app&client_secret=s3cr%26t");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(password).get("error").asString()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> json = RawHttp.send("POST", server.tokenUrl(), "{}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(json).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void everyRouteButInfoNeedsAValidToken() {
        HttpResponse<String> info = RawHttp.get(server.url("/_info"));
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(info).get("version").asString()).isEqualTo(EmbeddedOrchestrationServer.DEFAULT_VERSION);

        for (String path : new String[] {"/workflows", "/triggers", "/instances", "/instances/x/history"}) {
            HttpResponse<String> response = RawHttp.get(server.url(path));
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        }
        HttpResponse<String> post = RawHttp.send("POST", server.url("/workflows"), "{}");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(RawHttp.get(server.url("/workflows"), "made-up-token").statusCode()).isEqualTo(401);
        assertThat(server.workflows()).isEmpty();
    }

    @Test
    void revokedTokensAreRejected() {
        String token = server.issueToken();
        assertThat(RawHttp.get(server.url("/workflows"), token).statusCode()).isEqualTo(200);

        server.revokeTokens();

        assertThat(RawHttp.get(server.url("/workflows"), token).statusCode()).isEqualTo(401);
    }

    @Test
    void theReadyClientRefreshesItsTokenAfterExpiry() throws IOException {
        try (OrchestrationV1Client client = server.newClient()) {
            Workflow workflow = client.createWorkflow(Workflows.waitFor("x"));
            clock.advance(Duration.ofHours(1));

            assertThat(client.getWorkflow(workflow.id())).isEqualTo(workflow);
        }
    }

    @Test
    void aClientWithoutTokenGetsA401Exception() throws IOException {
        try (OrchestrationV1Client anonymous = OrchestrationV1Client.builder().baseUrl(server.baseUrl()).build()) {
            assertThat(anonymous.getServerInfo().version()).isEqualTo(EmbeddedOrchestrationServer.DEFAULT_VERSION);
            assertThatThrownBy(anonymous::listWorkflows)
                    .isInstanceOfSatisfying(OrchestrationApiException.class,
                            ex -> assertThat(ex.status()).isEqualTo(401));
        }
        assertThat(server.exchanges(OrchestrationOperation.LIST_WORKFLOWS)).singleElement()
                .satisfies(exchange -> assertThat(exchange.status()).isEqualTo(401));
    }

    @Test
    void aServerWithoutClientsAcceptsEverything() {
        try (EmbeddedOrchestrationServer open = EmbeddedOrchestrationServer.startDefault()) {
            assertThat(open.isAuthEnabled()).isFalse();
            assertThat(RawHttp.get(open.url("/workflows")).statusCode()).isEqualTo(200);
            assertThat(RawHttp.get(open.url("/workflows"), "anything").statusCode()).isEqualTo(200);
            assertThat(RawHttp.postForm(open.tokenUrl(), "grant_type=client_credentials&client_id=x&client_secret=y")
                    .statusCode()).isEqualTo(200);
        }
    }
}
