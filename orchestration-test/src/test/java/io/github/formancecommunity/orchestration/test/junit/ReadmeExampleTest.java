package io.github.formancecommunity.orchestration.test.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The JUnit example of the README (section "Testing your application without a Formance Stack"), kept compiling and passing. */
@EmbeddedOrchestration(auth = true)
class ReadmeExampleTest {

    @Test
    void paysOutOnceTheEventArrives(OrchestrationV1 orchestration, EmbeddedOrchestrationServer server) {
        Workflow workflow = orchestration.createWorkflow(WorkflowConfig.of("payout",
                WorkflowStage.send(StageSend.of(Monetary.of("EUR/2", 100),
                        StageSendSource.ofAccount("world", "default"),
                        StageSendDestination.ofAccount("users:001", "default"))),
                WorkflowStage.waitEvent("approved")));

        WorkflowInstance instance = orchestration.runWorkflow(workflow.id());
        orchestration.sendEvent(instance.id(), "approved");

        WorkflowInstance done = server.awaitTermination(instance.id(), Duration.ofSeconds(5));
        assertThat(done.error()).isNull();
        assertThat(orchestration.getInstanceStageHistory(instance.id(), 0))
                .extracting(WorkflowInstanceHistoryStage::name).containsExactly("CreateTransaction");
    }

    @Test
    void survivesAFlakyServer(OrchestrationV1 orchestration, EmbeddedOrchestrationServer server) {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503, 1);

        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationApiException.class);
        assertThat(server.exchanges(OrchestrationOperation.LIST_WORKFLOWS)).hasSize(1);
    }
}
