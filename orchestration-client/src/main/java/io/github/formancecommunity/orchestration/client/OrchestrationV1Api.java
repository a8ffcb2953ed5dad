package io.github.formancecommunity.orchestration.client;

import java.util.List;
import java.util.Map;

import feign.Param;
import feign.Request;
import feign.RequestLine;
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
 * The wire interface, read by Feign's own contract ({@code feign.Contract.Default}): no Spring Cloud OpenFeign and
 * no Spring MVC annotations, so the client pulls in neither Spring Cloud's auto-configurations nor spring-web.
 * Paths are relative to {@code base-url + path-prefix}; method names are the seed's operationIds (plus
 * {@code runWorkflowAndWait}, see {@link Operations}). Every path
 * parameter keeps {@code decodeSlash = false}: an id is one path segment, a {@code '/'} in it stays {@code %2F}.
 * A {@code null} query parameter is left out of the URL. The un-annotated parameter is the JSON body. The
 * {@code Accept} and {@code Content-Type} headers come from {@link JsonRequestHeaders}.
 */
interface OrchestrationV1Api {

    @RequestLine(value = "GET /_info", decodeSlash = false)
    ServerInfo orchestrationgetServerInfo();

    @RequestLine(value = "GET /triggers?name={name}", decodeSlash = false)
    DataEnvelope<List<Trigger>> listTriggers(@Param("name") String name);

    @RequestLine(value = "POST /triggers", decodeSlash = false)
    DataEnvelope<Trigger> createTrigger(TriggerData body);

    @RequestLine(value = "GET /triggers/{triggerID}", decodeSlash = false)
    DataEnvelope<Trigger> readTrigger(@Param("triggerID") String triggerId);

    @RequestLine(value = "DELETE /triggers/{triggerID}", decodeSlash = false)
    void deleteTrigger(@Param("triggerID") String triggerId);

    @RequestLine(value = "GET /triggers/{triggerID}/occurrences", decodeSlash = false)
    DataEnvelope<List<TriggerOccurrence>> listTriggersOccurrences(@Param("triggerID") String triggerId);

    @RequestLine(value = "GET /workflows", decodeSlash = false)
    DataEnvelope<List<Workflow>> listWorkflows();

    @RequestLine(value = "POST /workflows", decodeSlash = false)
    DataEnvelope<Workflow> createWorkflow(WorkflowConfig body);

    @RequestLine(value = "GET /workflows/{flowId}", decodeSlash = false)
    DataEnvelope<Workflow> getWorkflow(@Param("flowId") String flowId);

    @RequestLine(value = "DELETE /workflows/{flowId}", decodeSlash = false)
    void deleteWorkflow(@Param("flowId") String flowId);

    @RequestLine(value = "POST /workflows/{workflowID}/instances", decodeSlash = false)
    DataEnvelope<WorkflowInstance> runWorkflow(@Param("workflowID") String workflowId, Map<String, String> body);

    /**
     * {@code runWorkflow} with {@code wait=true}, with its own (longer) time-outs. A separate wire method rather
     * than an optional {@code wait} parameter: Feign resolves a query template on every call, even for a
     * {@code null} value, and this is the most frequent write.
     */
    @RequestLine(value = "POST /workflows/{workflowID}/instances?wait=true", decodeSlash = false)
    DataEnvelope<WorkflowInstance> runWorkflowAndWait(@Param("workflowID") String workflowId,
            Map<String, String> body, Request.Options options);

    @RequestLine(value = "GET /instances?workflowID={workflowID}&running={running}", decodeSlash = false)
    DataEnvelope<List<WorkflowInstance>> listInstances(@Param("workflowID") String workflowId,
            @Param("running") Boolean running);

    @RequestLine(value = "GET /instances/{instanceID}", decodeSlash = false)
    DataEnvelope<WorkflowInstance> getInstance(@Param("instanceID") String instanceId);

    @RequestLine(value = "POST /instances/{instanceID}/events", decodeSlash = false)
    void sendEvent(@Param("instanceID") String instanceId, EventBody body);

    @RequestLine(value = "PUT /instances/{instanceID}/abort", decodeSlash = false)
    void cancelEvent(@Param("instanceID") String instanceId);

    @RequestLine(value = "GET /instances/{instanceID}/history", decodeSlash = false)
    DataEnvelope<List<WorkflowInstanceHistory>> getInstanceHistory(@Param("instanceID") String instanceId);

    @RequestLine(value = "GET /instances/{instanceID}/stages/{number}/history", decodeSlash = false)
    DataEnvelope<List<WorkflowInstanceHistoryStage>> getInstanceStageHistory(
            @Param("instanceID") String instanceId, @Param("number") int number);

    /** The inline body of {@code sendEvent}. */
    record EventBody(String name) {
    }
}
