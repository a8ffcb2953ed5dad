package io.github.formancecommunity.orchestration.sample;

import java.util.List;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.ServerInfo;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * The workflow part of the tour: server info, create the workflow, run it, send the event once the instance waits
 * for it, wait for the end, inspect the instance and its histories, and cancel a second instance.
 */
final class WorkflowSteps {

    private final OrchestrationV1 orchestration;
    private final SampleProperties properties;
    private final TourState state;
    private final InstanceWatcher watcher;

    WorkflowSteps(OrchestrationV1 orchestration, SampleProperties properties, TourState state) {
        this.orchestration = orchestration;
        this.properties = properties;
        this.state = state;
        this.watcher = new InstanceWatcher(orchestration, properties);
    }

    void readServerInfo(StepRecorder recorder) {
        recorder.call(OrchestrationOperation.GET_SERVER_INFO, "the server", orchestration::getServerInfo,
                (ServerInfo info) -> "version " + info.version());
    }

    void createWorkflow(StepRecorder recorder) {
        state.workflow = recorder.call(OrchestrationOperation.CREATE_WORKFLOW, state.workflowName,
                () -> orchestration.createWorkflow(SampleWorkflow.config(state.workflowName, properties.getLedger(),
                        properties.getDelay())),
                (Workflow created) -> "id " + created.id() + ", stages " + Describe.stageTypes(
                        created.config().stages()));
        String id = state.workflowId();
        Workflow read = recorder.call(OrchestrationOperation.GET_WORKFLOW, "workflow " + Describe.shortId(id),
                () -> orchestration.getWorkflow(id),
                (Workflow workflow) -> "name " + workflow.config().name() + ", " + workflow.config().stages().size()
                        + " stages, created " + workflow.createdAt());
        StepFailedException.check(read.config().stages().size() == 3, "getWorkflow returned " + read.config().stages().size()
                + " stages instead of 3");
        List<Workflow> all = recorder.call(OrchestrationOperation.LIST_WORKFLOWS, "all workflows",
                orchestration::listWorkflows,
                (List<Workflow> workflows) -> workflows.size() + " workflow(s), ours "
                        + (contains(workflows, id) ? "included" : "missing"));
        StepFailedException.check(contains(all, id), "listWorkflows did not return workflow " + id);
    }

    void runWorkflow(StepRecorder recorder) {
        String workflowId = state.workflowId();
        WorkflowInstance instance = recorder.call(OrchestrationOperation.RUN_WORKFLOW,
                "workflow " + Describe.shortId(workflowId), () -> orchestration.runWorkflow(workflowId),
                (WorkflowInstance started) -> "instance " + started.id() + " started");
        state.instanceId = instance.id();
        List<WorkflowInstance> running = recorder.call(OrchestrationOperation.LIST_INSTANCES,
                "running instances of " + Describe.shortId(workflowId),
                () -> orchestration.listInstances(InstanceQuery.ofWorkflow(workflowId).runningOnly()),
                (List<WorkflowInstance> instances) -> instances.size() + " running, ours "
                        + (instances.stream().anyMatch(i -> i.id().equals(state.instanceId)) ? "included"
                                : "missing"));
        StepFailedException.check(running.stream().anyMatch(i -> i.id().equals(state.instanceId)),
                "listInstances(running) did not return instance " + state.instanceId);
    }

    void sendEvent(StepRecorder recorder) {
        String instanceId = requireInstance(state.instanceId);
        // The real server drops an event sent before the instance reaches its wait_event stage: wait for that.
        watcher.awaitStage(recorder, instanceId, SampleWorkflow.WAIT_EVENT_STAGE, stages());
        recorder.call(OrchestrationOperation.SEND_EVENT, "instance " + Describe.shortId(instanceId),
                () -> orchestration.sendEvent(instanceId, SampleWorkflow.APPROVAL_EVENT),
                "event '" + SampleWorkflow.APPROVAL_EVENT + "' accepted");
    }

    void awaitEnd(StepRecorder recorder) {
        WorkflowInstance done = watcher.awaitTermination(recorder, requireInstance(state.instanceId), stages());
        StepFailedException.check(done.error() == null, "instance " + done.id() + " ended with error '" + done.error() + "'");
    }

    void inspect(StepRecorder recorder) {
        String instanceId = requireInstance(state.instanceId);
        String what = "instance " + Describe.shortId(instanceId);
        List<WorkflowStage> stages = stages();
        WorkflowInstance instance = recorder.call(OrchestrationOperation.GET_INSTANCE, what,
                () -> orchestration.getInstance(instanceId),
                (WorkflowInstance read) -> Describe.stageStatuses(read, stages));
        StepFailedException.check(instance.status().size() == stages.size() && !instance.isFailed(),
                "instance " + instanceId + " did not run its " + stages.size() + " stages: "
                        + Describe.stageStatuses(instance, stages));
        List<WorkflowInstanceHistory> history = recorder.call(OrchestrationOperation.GET_INSTANCE_HISTORY, what,
                () -> orchestration.getInstanceHistory(instanceId), Describe::history);
        StepFailedException.check(history.size() == stages.size(), "the history of instance " + instanceId + " has "
                + history.size() + " entries instead of " + stages.size());
        for (int stage = 0; stage < stages.size(); stage++) {
            int number = stage;
            List<WorkflowInstanceHistoryStage> activities = recorder.call(
                    OrchestrationOperation.GET_INSTANCE_STAGE_HISTORY,
                    what + " stage #" + number + " (" + stages.get(number).type() + ")",
                    () -> orchestration.getInstanceStageHistory(instanceId, number), Describe::stageHistory);
            StepFailedException.check(activities.stream().allMatch(activity -> activity.error() == null),
                    "stage #" + number + " of instance " + instanceId + " has a failed activity");
        }
    }

    void cancelSecondInstance(StepRecorder recorder) {
        String workflowId = state.workflowId();
        WorkflowInstance instance = recorder.call(OrchestrationOperation.RUN_WORKFLOW,
                "workflow " + Describe.shortId(workflowId), () -> orchestration.runWorkflow(workflowId),
                (WorkflowInstance started) -> "instance " + started.id() + " started");
        state.secondInstanceId = instance.id();
        String what = "instance " + Describe.shortId(instance.id());
        watcher.awaitStage(recorder, instance.id(), SampleWorkflow.WAIT_EVENT_STAGE, stages());
        recorder.call(OrchestrationOperation.CANCEL_EVENT, what, () -> orchestration.cancelEvent(instance.id()),
                "abort accepted");
        watcher.awaitCancellation(recorder, instance.id(), stages());
    }

    private List<WorkflowStage> stages() {
        return state.workflow == null ? List.of() : state.workflow.config().stages();
    }

    private static String requireInstance(String instanceId) {
        if (instanceId == null) {
            throw new StepFailedException("no instance was started");
        }
        return instanceId;
    }

    private static boolean contains(List<Workflow> workflows, String id) {
        return workflows.stream().anyMatch(workflow -> workflow.id().equals(id));
    }
}
