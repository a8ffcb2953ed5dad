package io.github.formancecommunity.orchestration.docs;

// tag::first-test[]
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

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
import io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestration;
import org.junit.jupiter.api.Test;

@EmbeddedOrchestration(auth = true)
class PaymentWorkflowTest {

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
    void reportsAnInjectedFailureWithoutRetrying(OrchestrationV1 orchestration, EmbeddedOrchestrationServer server) {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503);   // fires once

        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationApiException.class);
        assertThat(server.exchanges(OrchestrationOperation.LIST_WORKFLOWS)).hasSize(1);
        assertThat(orchestration.listWorkflows()).isEmpty();            // the fault is spent
    }
}
// end::first-test[]
