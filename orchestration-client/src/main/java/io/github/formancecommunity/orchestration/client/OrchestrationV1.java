package io.github.formancecommunity.orchestration.client;

import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.ServerInfo;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;

/**
 * The Formance Orchestration V1 API: one method per operation of the spec, named after its operationId.
 *
 * <p>Success bodies come back unwrapped from their {@code {"data": ...}} envelope; the 204 operations return
 * nothing. Every failure is an unchecked {@link OrchestrationException}: {@link OrchestrationApiException} for an
 * error status, {@link OrchestrationResponseException} for a success body that cannot be read,
 * {@link OrchestrationTransportException} (and {@link OrchestrationTimeoutException}) when no response arrived.
 * Invalid arguments (a {@code null} or blank id, an id that is {@code .} or {@code ..}, a negative stage number,
 * a {@code null} body) throw {@link IllegalArgumentException} before any request is sent. An id is always sent as
 * one path segment: a {@code /} in it is encoded.
 *
 * <p>Implementations are thread-safe.
 */
public interface OrchestrationV1 {

    /** {@code orchestrationgetServerInfo}: {@code GET /_info}. Needs no token on the real server. */
    ServerInfo getServerInfo();

    /** {@code listTriggers}: {@code GET /triggers}. The V1 server returns at most its first page (15). */
    default List<Trigger> listTriggers() {
        return listTriggers(null);
    }

    /**
     * {@code listTriggers}: {@code GET /triggers?name=}.
     *
     * @param name a name to search for, or {@code null} for all
     */
    List<Trigger> listTriggers(String name);

    /** {@code createTrigger}: {@code POST /triggers}, 201. */
    Trigger createTrigger(TriggerData trigger);

    /** {@code readTrigger}: {@code GET /triggers/{triggerID}}. */
    Trigger readTrigger(String triggerId);

    /** {@code deleteTrigger}: {@code DELETE /triggers/{triggerID}}, 204. */
    void deleteTrigger(String triggerId);

    /** {@code listTriggersOccurrences}: {@code GET /triggers/{triggerID}/occurrences}. */
    List<TriggerOccurrence> listTriggersOccurrences(String triggerId);

    /** {@code listWorkflows}: {@code GET /workflows}. */
    List<Workflow> listWorkflows();

    /** {@code createWorkflow}: {@code POST /workflows}, 201. */
    Workflow createWorkflow(WorkflowConfig config);

    /** {@code getWorkflow}: {@code GET /workflows/{flowId}}. */
    Workflow getWorkflow(String workflowId);

    /** {@code deleteWorkflow}: {@code DELETE /workflows/{flowId}}, 204. The id must be a UUID on the real server. */
    void deleteWorkflow(String workflowId);

    /** {@code runWorkflow} without variables and without waiting. */
    default WorkflowInstance runWorkflow(String workflowId) {
        return runWorkflow(workflowId, Map.of(), false);
    }

    /** {@code runWorkflow} with variables, without waiting. */
    default WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables) {
        return runWorkflow(workflowId, variables, false);
    }

    /**
     * {@code runWorkflow}: {@code POST /workflows/{workflowID}/instances[?wait=true]}, 201.
     *
     * @param workflowId the workflow to run
     * @param variables  the run's variables ({@code null} for none); always sent with a fixed length
     * @param wait       whether the server should answer only when the run has ended; such a call uses the
     *                   longer run-wait read time-out
     */
    WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables, boolean wait);

    /**
     * {@code runWorkflow} with {@code wait=true}: the named form of {@code runWorkflow(workflowId, variables, true)}.
     * The call uses the longer run-wait read time-out. The real server (flows v2.6.0) answers right after the
     * run has started rather than when it ends, so the instance returned may still be running: to wait for the
     * end whatever the server does, use {@link InstanceWaiter#untilTerminated(String)}.
     *
     * @param workflowId the workflow to run
     * @param variables  the run's variables ({@code null} for none)
     * @return the instance as the server answered
     */
    default WorkflowInstance runWorkflowAndWait(String workflowId, Map<String, String> variables) {
        return runWorkflow(workflowId, variables, true);
    }

    /** {@code listInstances}: {@code GET /instances}, every instance. */
    default List<WorkflowInstance> listInstances() {
        return listInstances(InstanceQuery.all());
    }

    /** {@code listInstances}: {@code GET /instances?workflowID=&running=}. */
    List<WorkflowInstance> listInstances(InstanceQuery query);

    /** {@code getInstance}: {@code GET /instances/{instanceID}}. */
    WorkflowInstance getInstance(String instanceId);

    /**
     * {@code sendEvent}: {@code POST /instances/{instanceID}/events} with {@code {"name": eventName}}, 204.
     * The server answers 204 and drops the event when the instance is not yet waiting for it; send it with
     * {@link InstanceWaiter#sendEventWhenWaiting(String, String)} right after a run starts.
     *
     * @param instanceId the instance to signal (first)
     * @param eventName  the event's name, matched against the {@code wait_event} stage's {@code event} (second)
     */
    void sendEvent(String instanceId, String eventName);

    /** {@code cancelEvent}: {@code PUT /instances/{instanceID}/abort}, 204. */
    void cancelEvent(String instanceId);

    /** {@code getInstanceHistory}: {@code GET /instances/{instanceID}/history}. */
    List<WorkflowInstanceHistory> getInstanceHistory(String instanceId);

    /**
     * {@code getInstanceStageHistory}: {@code GET /instances/{instanceID}/stages/{number}/history}.
     *
     * @param instanceId  the instance
     * @param stageNumber the 0-based stage index
     */
    List<WorkflowInstanceHistoryStage> getInstanceStageHistory(String instanceId, int stageNumber);
}
