package io.github.formancecommunity.orchestration.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * The tour of the Orchestration V1 API that the sample runs: every one of the 17 operations at least once, in
 * named steps.
 */
@Component
class OrchestrationTour {

    private final OrchestrationV1 orchestration;
    private final SampleProperties properties;
    private final ObjectProvider<EmbeddedOrchestrationServer> embedded;

    OrchestrationTour(OrchestrationV1 orchestration, SampleProperties properties,
            ObjectProvider<EmbeddedOrchestrationServer> embedded) {
        this.orchestration = orchestration;
        this.properties = properties;
        this.embedded = embedded;
    }

    /** A new scenario, with its own names and state, ready to run. */
    Scenario scenario() {
        TourState state = TourState.fresh();
        WorkflowSteps workflow = new WorkflowSteps(orchestration, properties, state);
        TriggerSteps triggers = new TriggerSteps(orchestration, Optional.ofNullable(embedded.getIfAvailable()),
                state);
        CleanUpStep cleanUp = new CleanUpStep(orchestration, state);
        return new Scenario(List.of(
                Step.of("Read server info", workflow::readServerInfo),
                Step.of("Create the workflow", workflow::createWorkflow),
                Step.of("Run the workflow", workflow::runWorkflow),
                Step.of("Send the event", workflow::sendEvent),
                Step.of("Wait for the end", workflow::awaitEnd),
                Step.of("Inspect the instance", workflow::inspect),
                Step.of("Manage a trigger", triggers::manageTrigger),
                Step.of("Cancel a second instance", workflow::cancelSecondInstance),
                Step.always("Clean up", cleanUp::run)));
    }
}
