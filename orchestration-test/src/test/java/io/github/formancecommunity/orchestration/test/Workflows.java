package io.github.formancecommunity.orchestration.test;

import java.util.Map;

import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.StageUpdate;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/** Workflow configs shared by the tests. */
final class Workflows {

    private Workflows() {
    }

    /** The workflow of SERVER-BEHAVIOUR §2: send 100 EUR/2 from world to users:001, wait for "processed", delay. */
    static WorkflowConfig sendWaitDelay(String delay) {
        return WorkflowConfig.of("demo",
                WorkflowStage.send(StageSend.of(Monetary.of("EUR/2", 100), StageSendSource.ofAccount("world",
                        "default"), StageSendDestination.ofAccount("users:001", "default"))),
                WorkflowStage.waitEvent("processed"),
                WorkflowStage.delay(StageDelay.ofDuration(delay)));
    }

    /** A send without amount: accepted at creation, failed when the stage runs. */
    static WorkflowConfig sendWithoutAmount() {
        return WorkflowConfig.of("no-amount", WorkflowStage.send(StageSend.of(null,
                StageSendSource.ofAccount("world", "default"), StageSendDestination.ofAccount("users:001", "default"))));
    }

    static WorkflowConfig waitFor(String event) {
        return WorkflowConfig.of("wait", WorkflowStage.waitEvent(event));
    }

    static WorkflowConfig update() {
        return WorkflowConfig.of("update",
                WorkflowStage.update(StageUpdate.ofAccount("users:001", "default", Map.of("status", "vip"))));
    }
}
