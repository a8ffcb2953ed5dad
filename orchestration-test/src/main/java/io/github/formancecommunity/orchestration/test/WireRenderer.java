package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders stored records as the real server's JSON: its key order, {@code null} only where Go writes
 * {@code null} ({@code deletedAt}, {@code Trigger.workflow}, omitted {@code stages}) and absent keys everywhere
 * else a value is empty.
 */
final class WireRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireRenderer() {
    }

    static ObjectNode workflow(WorkflowRecord workflow) {
        ObjectNode node = NODES.objectNode();
        node.put("id", workflow.id);
        ObjectNode config = node.putObject("config");
        config.put("name", workflow.name);
        config.set("stages", workflow.stages == null ? NODES.nullNode() : GoMaps.sorted(workflow.stages));
        node.put("createdAt", time(workflow.createdAt));
        node.put("updatedAt", time(workflow.createdAt));
        if (workflow.deletedAt == null) {
            node.putNull("deletedAt");
        }
        else {
            node.put("deletedAt", time(workflow.deletedAt));
        }
        return node;
    }

    /**
     * An instance.
     *
     * @param workflow the workflow to embed, {@code null} for none
     * @param withStatus whether to add the stage status rows (omitted anyway when there are none)
     */
    static ObjectNode instance(InstanceRecord instance, WorkflowRecord workflow, boolean withStatus) {
        ObjectNode node = NODES.objectNode();
        node.put("workflowID", instance.workflowId);
        if (workflow != null) {
            node.set("workflow", workflow(workflow));
        }
        node.put("id", instance.id);
        node.put("createdAt", time(instance.createdAt));
        node.put("updatedAt", time(instance.createdAt));
        node.put("terminated", instance.isTerminated());
        if (instance.terminatedAt != null) {
            node.put("terminatedAt", time(instance.terminatedAt));
        }
        if (withStatus && !instance.stages.isEmpty()) {
            ArrayNode status = node.putArray("status");
            instance.stages.forEach(stage -> status.add(stageStatus(instance, stage)));
        }
        if (instance.error != null && !instance.error.isEmpty()) {
            node.put("error", instance.error);
        }
        return node;
    }

    static ObjectNode stageStatus(InstanceRecord instance, StageRecord stage) {
        ObjectNode node = NODES.objectNode();
        node.put("stage", stage.number);
        node.put("instanceID", instance.id);
        node.put("temporalRunID", instance.runId);
        node.put("startedAt", time(stage.startedAt));
        if (stage.terminatedAt != null) {
            node.put("terminatedAt", time(stage.terminatedAt));
        }
        if (stage.error != null) {
            node.put("error", stage.error);
        }
        return node;
    }

    static ObjectNode history(HistoryRecord history) {
        ObjectNode node = NODES.objectNode();
        node.put("name", history.name);
        node.set("input", GoMaps.sorted(history.input));
        if (history.error != null) {
            node.put("error", history.error);
        }
        node.put("terminated", history.terminatedAt != null);
        node.put("startedAt", time(history.startedAt));
        if (history.terminatedAt != null) {
            node.put("terminatedAt", time(history.terminatedAt));
        }
        return node;
    }

    static ObjectNode activity(ActivityRecord activity) {
        ObjectNode node = NODES.objectNode();
        node.put("name", activity.name());
        node.set("input", GoMaps.sorted(activity.input()));
        if (activity.output() != null) {
            node.set("output", GoMaps.sorted(activity.output()));
        }
        node.put("terminated", activity.terminatedAt() != null);
        node.put("startedAt", time(activity.startedAt()));
        if (activity.terminatedAt() != null) {
            node.put("terminatedAt", time(activity.terminatedAt()));
        }
        node.put("attempt", 1);
        return node;
    }

    static ObjectNode trigger(TriggerRecord trigger) {
        ObjectNode node = NODES.objectNode();
        node.put("name", trigger.name);
        node.put("event", trigger.event);
        if (trigger.filter != null) {
            node.put("filter", trigger.filter);
        }
        node.put("workflowID", trigger.workflowId);
        node.putNull("workflow");
        if (trigger.vars != null && !trigger.vars.isEmpty()) {
            ObjectNode vars = NODES.objectNode();
            trigger.vars.forEach(vars::put);
            node.set("vars", GoMaps.sorted(vars));
        }
        if (trigger.version != null && !trigger.version.isEmpty()) {
            node.put("version", trigger.version);
        }
        node.put("id", trigger.id);
        node.put("createdAt", time(trigger.createdAt));
        return node;
    }

    /** An occurrence; the embedded instance, when there is one, has neither {@code workflow} nor {@code status}. */
    static ObjectNode occurrence(OccurrenceRecord occurrence, InstanceRecord instance) {
        ObjectNode node = NODES.objectNode();
        node.put("id", occurrence.id());
        node.put("triggerID", occurrence.triggerId());
        if (occurrence.instanceId() != null) {
            node.put("workflowInstanceID", occurrence.instanceId());
            if (instance != null) {
                node.set("workflowInstance", instance(instance, null, false));
            }
        }
        node.put("date", time(occurrence.date()));
        ObjectNode event = occurrence.event().deepCopy();
        if (event.has("payload")) {
            event.set("payload", GoMaps.sorted(event.get("payload")));
        }
        node.set("event", event);
        if (occurrence.error() != null) {
            node.put("error", occurrence.error());
        }
        return node;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode node = NODES.objectNode();
        node.put("errorCode", code);
        node.put("errorMessage", message);
        return node;
    }

    static ObjectNode data(JsonNode payload) {
        ObjectNode node = NODES.objectNode();
        node.set("data", payload);
        return node;
    }

    static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach(node::put);
        return node;
    }

    static String time(Instant instant) {
        return Timestamps.format(instant);
    }
}
