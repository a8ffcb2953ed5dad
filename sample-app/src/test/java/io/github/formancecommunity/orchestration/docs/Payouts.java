package io.github.formancecommunity.orchestration.docs;

// tag::quick-start-service[]
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import org.springframework.stereotype.Service;

@Service
class Payouts {

    private final OrchestrationV1 orchestration;

    Payouts(OrchestrationV1 orchestration) {
        this.orchestration = orchestration;
    }

    WorkflowInstance start(String workflowId, String amount) {
        return orchestration.runWorkflow(workflowId, Map.of("amount", amount));
    }
}
// end::quick-start-service[]
