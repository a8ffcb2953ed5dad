package io.github.formancecommunity.orchestration.sample;

import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * The workflow of the tour: pay 1.00 EUR from {@code world} to {@value #DESTINATION}, wait for the event
 * {@value #APPROVAL_EVENT}, then wait a short delay.
 */
final class SampleWorkflow {

    /** The event the {@code wait_event} stage waits for. */
    static final String APPROVAL_EVENT = "sample-approved";
    /** The account the {@code send} stage pays. */
    static final String DESTINATION = "users:sample";
    /** The stage index of the {@code wait_event} stage. */
    static final int WAIT_EVENT_STAGE = 1;

    private SampleWorkflow() {
    }

    static WorkflowConfig config(String name, String ledger, String delay) {
        return WorkflowConfig.of(name,
                WorkflowStage.send(StageSend.of(Monetary.of("EUR/2", 100),
                        StageSendSource.ofAccount("world", ledger),
                        StageSendDestination.ofAccount(DESTINATION, ledger))),
                WorkflowStage.waitEvent(APPROVAL_EVENT),
                WorkflowStage.delay(StageDelay.ofDuration(delay)));
    }
}
