package io.github.formancecommunity.orchestration.client;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import feign.Request;
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
 * The wire interface, read by Spring Cloud OpenFeign's {@code SpringMvcContract}. Paths are relative to
 * {@code base-url + path-prefix}; method names are the seed's operationIds.
 */
interface OrchestrationV1Api {

    String JSON = "application/json";

    @GetMapping(value = "/_info", produces = JSON)
    ServerInfo orchestrationgetServerInfo();

    @GetMapping(value = "/triggers", produces = JSON)
    DataEnvelope<List<Trigger>> listTriggers(@RequestParam(value = "name", required = false) String name);

    @PostMapping(value = "/triggers", consumes = JSON, produces = JSON)
    DataEnvelope<Trigger> createTrigger(@RequestBody TriggerData body);

    @GetMapping(value = "/triggers/{triggerID}", produces = JSON)
    DataEnvelope<Trigger> readTrigger(@PathVariable("triggerID") String triggerId);

    @DeleteMapping(value = "/triggers/{triggerID}", produces = JSON)
    void deleteTrigger(@PathVariable("triggerID") String triggerId);

    @GetMapping(value = "/triggers/{triggerID}/occurrences", produces = JSON)
    DataEnvelope<List<TriggerOccurrence>> listTriggersOccurrences(@PathVariable("triggerID") String triggerId);

    @GetMapping(value = "/workflows", produces = JSON)
    DataEnvelope<List<Workflow>> listWorkflows();

    @PostMapping(value = "/workflows", consumes = JSON, produces = JSON)
    DataEnvelope<Workflow> createWorkflow(@RequestBody WorkflowConfig body);

    @GetMapping(value = "/workflows/{flowId}", produces = JSON)
    DataEnvelope<Workflow> getWorkflow(@PathVariable("flowId") String flowId);

    @DeleteMapping(value = "/workflows/{flowId}", produces = JSON)
    void deleteWorkflow(@PathVariable("flowId") String flowId);

    @PostMapping(value = "/workflows/{workflowID}/instances", consumes = JSON, produces = JSON)
    DataEnvelope<WorkflowInstance> runWorkflow(@PathVariable("workflowID") String workflowId,
            @RequestParam(value = "wait", required = false) Boolean wait, @RequestBody Map<String, String> body,
            Request.Options options);

    @GetMapping(value = "/instances", produces = JSON)
    DataEnvelope<List<WorkflowInstance>> listInstances(
            @RequestParam(value = "workflowID", required = false) String workflowId,
            @RequestParam(value = "running", required = false) Boolean running);

    @GetMapping(value = "/instances/{instanceID}", produces = JSON)
    DataEnvelope<WorkflowInstance> getInstance(@PathVariable("instanceID") String instanceId);

    @PostMapping(value = "/instances/{instanceID}/events", consumes = JSON, produces = JSON)
    void sendEvent(@PathVariable("instanceID") String instanceId, @RequestBody EventBody body);

    @PutMapping(value = "/instances/{instanceID}/abort", produces = JSON)
    void cancelEvent(@PathVariable("instanceID") String instanceId);

    @GetMapping(value = "/instances/{instanceID}/history", produces = JSON)
    DataEnvelope<List<WorkflowInstanceHistory>> getInstanceHistory(@PathVariable("instanceID") String instanceId);

    @GetMapping(value = "/instances/{instanceID}/stages/{number}/history", produces = JSON)
    DataEnvelope<List<WorkflowInstanceHistoryStage>> getInstanceStageHistory(
            @PathVariable("instanceID") String instanceId, @PathVariable("number") int number);

    /** The inline body of {@code sendEvent}. */
    record EventBody(String name) {
    }
}
