package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;

/**
 * The starter's auto-configured {@link OrchestrationV1}, pointed at the embedded server by the annotation, fetches
 * OAuth2 tokens from the server's token endpoint and runs a workflow.
 */
@SpringBootTest(classes = StarterAgainstEmbeddedServerTest.App.class)
@AutoConfigureEmbeddedOrchestration(auth = true, clientId = "starter-app", clientSecret = "starter-secret")
class StarterAgainstEmbeddedServerTest {

    @Autowired
    private OrchestrationV1 orchestration;

    @Autowired
    private EmbeddedOrchestrationServer server;

    @Test
    void theStartersClientRunsAWorkflowWithTokensFromTheEmbeddedServer() {
        Workflow workflow = orchestration.createWorkflow(WorkflowConfig.of("spring", WorkflowStage.waitEvent("go")));
        WorkflowInstance instance = orchestration.runWorkflow(workflow.id(), Map.of());
        orchestration.sendEvent(instance.id(), "go");

        assertThat(server.awaitTermination(instance.id(), Duration.ofSeconds(10)).error()).isNull();
        assertThat(server.exchanges()).filteredOn(ReceivedExchange::isTokenRequest).isNotEmpty()
                .allSatisfy(token -> {
                    assertThat(token.status()).isEqualTo(200);
                    assertThat(token.requestBody()).contains("client_id=starter-app")
                            .contains("client_secret=[REDACTED]");
                });
        assertThat(server.exchanges(OrchestrationOperation.SEND_EVENT)).singleElement().satisfies(exchange -> {
            assertThat(exchange.status()).isEqualTo(204);
            assertThat(exchange.requestHeader("Authorization")).hasValue("Bearer [REDACTED]");
        });
    }

    @SpringBootApplication
    static class App {
    }
}
