package io.github.formancecommunity.orchestration.docs;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import org.springframework.stereotype.Service;

/** The "your code" of the Spring Boot test example: starts a checkout workflow. */
@Service
class CheckoutService {

    private final OrchestrationV1 orchestration;

    CheckoutService(OrchestrationV1 orchestration) {
        this.orchestration = orchestration;
    }

    void start(String workflowId) {
        orchestration.runWorkflow(workflowId);
    }
}
