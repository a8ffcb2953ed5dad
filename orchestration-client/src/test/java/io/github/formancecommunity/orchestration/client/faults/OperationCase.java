package io.github.formancecommunity.orchestration.client.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * One call of each of the 17 operations with valid arguments, with the method and path it reaches (no path
 * prefix) and a success body the client accepts. Shared with the starter-level fault suite through the client's
 * test-jar.
 */
public enum OperationCase {

    GET_SERVER_INFO(OrchestrationOperation.GET_SERVER_INFO, "/_info", c -> c.getServerInfo(),
            "{\"version\":\"v2.6.0\"}"),
    LIST_TRIGGERS(OrchestrationOperation.LIST_TRIGGERS, "/triggers", c -> c.listTriggers(), "{\"data\":[]}"),
    CREATE_TRIGGER(OrchestrationOperation.CREATE_TRIGGER, "/triggers",
            c -> c.createTrigger(TriggerData.of("SAVED_PAYMENT", "w1")), Bodies.TRIGGER),
    READ_TRIGGER(OrchestrationOperation.READ_TRIGGER, "/triggers/t1", c -> c.readTrigger("t1"), Bodies.TRIGGER),
    DELETE_TRIGGER(OrchestrationOperation.DELETE_TRIGGER, "/triggers/t1", c -> c.deleteTrigger("t1"), null),
    LIST_TRIGGERS_OCCURRENCES(OrchestrationOperation.LIST_TRIGGERS_OCCURRENCES, "/triggers/t1/occurrences",
            c -> c.listTriggersOccurrences("t1"), "{\"data\":[]}"),
    LIST_WORKFLOWS(OrchestrationOperation.LIST_WORKFLOWS, "/workflows", c -> c.listWorkflows(), "{\"data\":[]}"),
    CREATE_WORKFLOW(OrchestrationOperation.CREATE_WORKFLOW, "/workflows",
            c -> c.createWorkflow(WorkflowConfig.of("flow", WorkflowStage.waitEvent("go"))), Bodies.WORKFLOW),
    GET_WORKFLOW(OrchestrationOperation.GET_WORKFLOW, "/workflows/w1", c -> c.getWorkflow("w1"), Bodies.WORKFLOW),
    DELETE_WORKFLOW(OrchestrationOperation.DELETE_WORKFLOW, "/workflows/w1", c -> c.deleteWorkflow("w1"), null),
    RUN_WORKFLOW(OrchestrationOperation.RUN_WORKFLOW, "/workflows/w1/instances",
            c -> c.runWorkflow("w1", Map.of("amount", "100")), Bodies.INSTANCE),
    LIST_INSTANCES(OrchestrationOperation.LIST_INSTANCES, "/instances", c -> c.listInstances(), "{\"data\":[]}"),
    GET_INSTANCE(OrchestrationOperation.GET_INSTANCE, "/instances/i1", c -> c.getInstance("i1"), Bodies.INSTANCE),
    SEND_EVENT(OrchestrationOperation.SEND_EVENT, "/instances/i1/events", c -> c.sendEvent("i1", "go"), null),
    CANCEL_EVENT(OrchestrationOperation.CANCEL_EVENT, "/instances/i1/abort", c -> c.cancelEvent("i1"), null),
    GET_INSTANCE_HISTORY(OrchestrationOperation.GET_INSTANCE_HISTORY, "/instances/i1/history",
            c -> c.getInstanceHistory("i1"), "{\"data\":[]}"),
    GET_INSTANCE_STAGE_HISTORY(OrchestrationOperation.GET_INSTANCE_STAGE_HISTORY, "/instances/i1/stages/0/history",
            c -> c.getInstanceStageHistory("i1", 0), "{\"data\":[]}");

    private final OrchestrationOperation operation;
    private final String path;
    private final Consumer<OrchestrationV1> invocation;
    private final String successBody;

    OperationCase(OrchestrationOperation operation, String path, Consumer<OrchestrationV1> invocation,
            String successBody) {
        this.operation = operation;
        this.path = path;
        this.invocation = invocation;
        this.successBody = successBody;
    }

    public OrchestrationOperation operation() {
        return operation;
    }

    public String method() {
        return operation.httpMethod();
    }

    public String path() {
        return path;
    }

    /** The success body, {@code null} for the 204 operations. */
    public String successBody() {
        return successBody;
    }

    public void invoke(OrchestrationV1 client) {
        invocation.accept(client);
    }

    /** Whether the starter may retry it. */
    public boolean idempotent() {
        return operation.isIdempotent();
    }

    /** The four POST operations. */
    public static List<OperationCase> posts() {
        return Arrays.stream(values()).filter(c -> "POST".equals(c.method())).toList();
    }

    /** The bodies the success cases answer. */
    static final class Bodies {
        static final String TRIGGER = "{\"data\":{\"id\":\"t1\",\"event\":\"SAVED_PAYMENT\",\"workflowID\":\"w1\","
                + "\"createdAt\":\"2026-04-28T10:11:12.123456789Z\"}}";
        static final String WORKFLOW = "{\"data\":{\"id\":\"w1\",\"config\":{\"name\":\"flow\",\"stages\":"
                + "[{\"wait_event\":{\"event\":\"go\"}}]},\"createdAt\":\"2026-04-28T10:11:12Z\","
                + "\"updatedAt\":\"2026-04-28T10:11:12Z\"}}";
        static final String INSTANCE = "{\"data\":{\"id\":\"i1\",\"workflowID\":\"w1\","
                + "\"createdAt\":\"2026-04-28T10:11:12Z\",\"updatedAt\":\"2026-04-28T10:11:12Z\","
                + "\"terminated\":false}}";

        private Bodies() {
        }
    }
}
