package io.github.formancecommunity.orchestration.sample;

import java.util.List;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;

/**
 * Removes what the tour created, whatever step failed: the trigger if it is still there, the instances still
 * running (the one the trigger started waits for its event), and the workflow.
 */
final class CleanUpStep {

    private final OrchestrationV1 orchestration;
    private final TourState state;

    CleanUpStep(OrchestrationV1 orchestration, TourState state) {
        this.orchestration = orchestration;
        this.state = state;
    }

    void run(StepRecorder recorder) {
        if (state.triggerId != null && !state.triggerDeleted) {
            recorder.call(OrchestrationOperation.DELETE_TRIGGER, "trigger " + Describe.shortId(state.triggerId),
                    () -> orchestration.deleteTrigger(state.triggerId), "deleted");
            state.triggerDeleted = true;
        }
        if (state.workflow == null) {
            recorder.note("workflow", "nothing to clean up: no workflow was created");
            return;
        }
        String workflowId = state.workflow.id();
        String what = "workflow " + Describe.shortId(workflowId);
        List<WorkflowInstance> running = recorder.call(OrchestrationOperation.LIST_INSTANCES,
                "running instances of " + Describe.shortId(workflowId),
                () -> orchestration.listInstances(InstanceQuery.ofWorkflow(workflowId).runningOnly()),
                (List<WorkflowInstance> instances) -> instances.size() + " still running");
        for (WorkflowInstance instance : running) {
            recorder.call(OrchestrationOperation.CANCEL_EVENT, "instance " + Describe.shortId(instance.id()),
                    () -> orchestration.cancelEvent(instance.id()), "abort accepted");
        }
        recorder.call(OrchestrationOperation.DELETE_WORKFLOW, what, () -> orchestration.deleteWorkflow(workflowId),
                "deleted");
        Workflow deleted = recorder.call(OrchestrationOperation.GET_WORKFLOW, what,
                () -> orchestration.getWorkflow(workflowId),
                (Workflow workflow) -> workflow.isDeleted() ? "deleted at " + workflow.deletedAt()
                        : "still there (no deletedAt)");
        StepFailedException.check(deleted.isDeleted(), "workflow " + workflowId + " has no deletedAt after deleteWorkflow");
    }
}
