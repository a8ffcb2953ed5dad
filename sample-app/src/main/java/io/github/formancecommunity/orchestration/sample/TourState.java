package io.github.formancecommunity.orchestration.sample;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * What the steps of one tour hand to each other: the names of this run (made unique, so that runs against a shared
 * stack do not collide) and the ids of what was created, so that clean-up can remove it whatever failed.
 */
final class TourState {

    final String runId;
    final String workflowName;
    final String triggerName;
    @Nullable Workflow workflow;
    @Nullable String instanceId;
    @Nullable String secondInstanceId;
    @Nullable String triggerId;
    boolean triggerDeleted;

    TourState(String runId) {
        this.runId = runId;
        this.workflowName = "sample-payout-" + runId;
        this.triggerName = "sample-trigger-" + runId;
    }

    /** A state with a fresh random run id. */
    static TourState fresh() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return new TourState(HexFormat.of().formatHex(bytes));
    }

    /** The workflow's id; fails the step when no workflow was created. */
    String workflowId() {
        if (workflow == null) {
            throw new StepFailedException("no workflow was created");
        }
        return workflow.id();
    }
}
