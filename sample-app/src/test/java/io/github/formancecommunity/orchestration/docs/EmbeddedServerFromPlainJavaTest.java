package io.github.formancecommunity.orchestration.docs;

// tag::plain-java-imports[]
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
// end::plain-java-imports[]
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The testing page's example of the embedded server started from plain Java, with auth on. */
class EmbeddedServerFromPlainJavaTest {

    @Test
    void startsAServerWithAuthAndCallsItWithATokenFromIt() throws IOException {   // the client's close()
        // tag::plain-java[]
        try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder()
                .pathPrefix("/api/orchestration")
                .client("my-app", "my-secret")        // turns auth on
                .tokenTtl(Duration.ofMinutes(5))
                .start();
             OrchestrationV1Client client = server.newClient()) {
            client.createWorkflow(WorkflowConfig.of("demo", WorkflowStage.waitEvent("go")));
            assertThat(client.listWorkflows()).hasSize(1);
        }
        // end::plain-java[]
    }
}
