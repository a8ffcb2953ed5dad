package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.Workflow;

/** What the server records of each exchange, and what it masks. */
class ExchangeRecordingTest {

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;

    @BeforeAll
    static void start() {
        server = EmbeddedOrchestrationServer.builder().client("recorder", "super-secret").start();
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
    void recordsRequestAndResponseOfEveryCall() {
        Workflow workflow = client.createWorkflow(Workflows.waitFor("go"));
        client.listInstances(InstanceQuery.ofWorkflow(workflow.id()).runningOnly());

        List<ReceivedExchange> exchanges = server.exchanges();
        assertThat(exchanges).extracting(ReceivedExchange::operation)
                .containsExactly(OrchestrationOperation.CREATE_WORKFLOW, OrchestrationOperation.LIST_INSTANCES);

        ReceivedExchange create = exchanges.get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/api/orchestration/workflows");
        assertThat(create.requestHeader("content-type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(create.requestBody()).contains("\"wait_event\"");
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.responseHeader("Content-Type")).hasValue("application/json");
        assertThat(create.responseBody()).contains(workflow.id());
        assertThat(create.receivedAt()).isNotNull();

        ReceivedExchange list = exchanges.get(1);
        assertThat(list.query()).isEqualTo(Map.of("workflowID", List.of(workflow.id()), "running",
                List.of("true")));
        assertThat(server.lastExchange()).hasValue(list);
        assertThat(server.exchanges(OrchestrationOperation.LIST_INSTANCES)).containsExactly(list);
    }

    @Test
    void masksBearerTokensClientSecretsAndAccessTokens() {
        client.listWorkflows();
        RawHttp.postForm(server.tokenUrl(),
                "grant_type=client_credentials&client_id=recorder&client_secret=super-secret");

        ReceivedExchange call = server.exchanges(OrchestrationOperation.LIST_WORKFLOWS).get(0);
        assertThat(call.requestHeader("Authorization")).hasValue("Bearer [REDACTED]");

        ReceivedExchange token = server.lastExchange().orElseThrow();
        assertThat(token.isTokenRequest()).isTrue();
        assertThat(token.operation()).isNull();
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.requestBody()).contains("client_secret=[REDACTED]").doesNotContain("super-secret");
        assertThat(token.responseBody()).contains("\"access_token\":\"[REDACTED]\"");
        assertThat(server.exchanges().toString()).doesNotContain("super-secret");
    }

    @Test
    void clearingForgetsTheRecordedExchanges() {
        client.getServerInfo();
        server.clearExchanges();

        assertThat(server.exchanges()).isEmpty();
        assertThat(server.lastExchange()).isEmpty();
    }

    @Test
    void keepsOnlyTheMostRecentExchanges() {
        try (EmbeddedOrchestrationServer small = EmbeddedOrchestrationServer.builder().maxRecordedExchanges(2)
                .start()) {
            RawHttp.get(small.url("/workflows"));
            RawHttp.get(small.url("/triggers"));
            RawHttp.get(small.url("/instances"));

            assertThat(small.exchanges()).extracting(ReceivedExchange::operation).containsExactly(
                    OrchestrationOperation.LIST_TRIGGERS, OrchestrationOperation.LIST_INSTANCES);
        }
    }
}
