package io.github.formancecommunity.orchestration.sample;

import java.util.List;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * Polls {@code getInstance}, with a bound, until an instance reaches a stage or ends. Stages run asynchronously on
 * a real stack, so the tour never assumes how long they take.
 */
final class InstanceWatcher {

    private final OrchestrationV1 orchestration;
    private final SampleProperties properties;

    InstanceWatcher(OrchestrationV1 orchestration, SampleProperties properties) {
        this.orchestration = orchestration;
        this.properties = properties;
    }

    /**
     * Waits until stage {@code number} has started and not ended.
     *
     * @throws StepFailedException when the instance ends first, or when {@code sample.instance-timeout} passes
     */
    WorkflowInstance awaitStage(StepRecorder recorder, String instanceId, int number, List<WorkflowStage> stages) {
        WorkflowInstance instance = recorder.poll(OrchestrationOperation.GET_INSTANCE,
                "instance " + Describe.shortId(instanceId), () -> orchestration.getInstance(instanceId),
                read -> read.terminated() || isAt(read, number),
                properties.getInstanceTimeout(), properties.getPollInterval(),
                read -> Describe.progress(read, stages),
                read -> "instance " + instanceId + " has not reached stage #" + number + " ("
                        + Describe.progress(read, stages) + ")");
        if (instance.terminated()) {
            throw new StepFailedException("instance " + instanceId + " ended before stage #" + number + ": "
                    + Describe.progress(instance, stages));
        }
        return instance;
    }

    /**
     * Waits until the instance has ended.
     *
     * @throws StepFailedException when {@code sample.instance-timeout} passes first
     */
    WorkflowInstance awaitTermination(StepRecorder recorder, String instanceId, List<WorkflowStage> stages) {
        return recorder.poll(OrchestrationOperation.GET_INSTANCE, "instance " + Describe.shortId(instanceId),
                () -> orchestration.getInstance(instanceId), WorkflowInstance::terminated,
                properties.getInstanceTimeout(), properties.getPollInterval(),
                read -> Describe.progress(read, stages),
                read -> "instance " + instanceId + " is still " + Describe.progress(read, stages));
    }

    /**
     * Waits, at most {@code sample.cancel-timeout}, until a canceled instance shows as ended. An instance that goes
     * on is reported, not failed: Formance Flows v2.6.0 answers the abort with 204 and does not stop the instance.
     */
    WorkflowInstance awaitCancellation(StepRecorder recorder, String instanceId, List<WorkflowStage> stages) {
        return recorder.pollAtMost(OrchestrationOperation.GET_INSTANCE, "instance " + Describe.shortId(instanceId),
                () -> orchestration.getInstance(instanceId), WorkflowInstance::terminated,
                properties.getCancelTimeout(), properties.getPollInterval(),
                read -> read.terminated() ? Describe.progress(read, stages)
                        : "still " + Describe.progress(read, stages) + " after "
                                + Durations.format(properties.getCancelTimeout())
                                + ": the server accepted the abort but did not stop the instance");
    }

    private static boolean isAt(WorkflowInstance instance, int number) {
        return instance.status().stream()
                .anyMatch(status -> status.stageNumber() == number && !status.isTerminated());
    }
}
