package io.github.formancecommunity.orchestration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.spring.AutoConfigureEmbeddedOrchestration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's quick-start service and the breaker example of the failure-behaviour page, in a Boot context. */
@SpringBootTest
@AutoConfigureEmbeddedOrchestration(auth = true)
class QuickStartTest {

    @Autowired Payouts payouts;
    @Autowired BreakerState breakerState;
    @Autowired EmbeddedOrchestrationServer server;

    @BeforeEach
    void clean() {
        server.reset();
    }

    @Test
    void payoutsStartsTheWorkflowWithTheAmountAsVariable() {
        Workflow workflow = server.seedWorkflow(WorkflowConfig.of("payout", WorkflowStage.waitEvent("approved")));

        WorkflowInstance instance = payouts.start(workflow.id(), "100");

        assertThat(instance.workflowID()).isEqualTo(workflow.id());
        assertThat(server.lastExchange()).hasValueSatisfying(exchange -> {
            assertThat(exchange.operation()).isEqualTo(OrchestrationOperation.RUN_WORKFLOW);
            assertThat(exchange.requestBody()).isEqualTo("{\"amount\":\"100\"}");
        });
    }

    @Test
    void breakerStateReadsTheStartersBreaker() {
        assertThat(breakerState.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
