package io.github.formancecommunity.orchestration.test;

import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code listInstances}, {@code getInstance}, {@code sendEvent}, {@code cancelEvent}, {@code getInstanceHistory},
 * {@code getInstanceStageHistory}.
 */
final class InstanceEndpoints {

    static final String INSTANCE_NOT_FOUND = "Instance not found";

    private final Store store;
    private final InstanceEngine engine;

    InstanceEndpoints(Store store, InstanceEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    HttpReply list(ApiRequest request) {
        String workflowId = request.queryParam("workflowID");
        String running = request.queryParam("running");
        boolean runningOnly = running != null
                && (running.toLowerCase(Locale.ROOT).equals("true") || running.equals("1"));
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        synchronized (store) {
            for (InstanceRecord instance : store.instances()) {
                WorkflowRecord workflow = store.workflow(instance.workflowId);
                if (workflow == null || workflow.deletedAt != null) {
                    continue;
                }
                if (workflowId != null && !workflowId.isEmpty() && !workflowId.equals(instance.workflowId)) {
                    continue;
                }
                if (runningOnly && instance.isTerminated()) {
                    continue;
                }
                data.add(WireRenderer.instance(instance, workflow, false));
            }
        }
        return HttpReply.data(200, data);
    }

    HttpReply get(ApiRequest request) {
        synchronized (store) {
            InstanceRecord instance = store.instance(request.pathParam("instanceID"));
            if (instance == null) {
                throw ApiException.internal(INSTANCE_NOT_FOUND);
            }
            return HttpReply.data(200, WireRenderer.instance(instance, store.workflow(instance.workflowId), true));
        }
    }

    HttpReply sendEvent(ApiRequest request) {
        JsonNode body = request.jsonBody();
        if (body.isNull()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw ApiException.validation("json: cannot unmarshal " + WorkflowDefinitions.jsonType(body)
                    + " into Go value of type workflow.Event");
        }
        JsonNode name = WorkflowDefinitions.goField(body, "name");
        if (name != null && !name.isNull() && !name.isString()) {
            throw ApiException.validation("json: cannot unmarshal " + WorkflowDefinitions.jsonType(name)
                    + " into Go struct field Event.name of type string");
        }
        String event = name == null || name.isNull() ? "" : name.asString();
        return switch (engine.signal(request.pathParam("instanceID"), event)) {
            case UNKNOWN -> throw ApiException.internal("retrieving workflow: " + WorkflowEndpoints.NO_ROWS);
            case TERMINATED -> throw ApiException.internal(
                    "sending signal to server: workflow execution already completed");
            case ACCEPTED, IGNORED -> HttpReply.empty(204);
        };
    }

    HttpReply cancel(ApiRequest request) {
        String id = request.pathParam("instanceID");
        return switch (engine.cancel(id)) {
            case UNKNOWN -> throw ApiException.internal(
                    "retrieving workflow execution: workflow not found for ID: " + id + "-main");
            case TERMINATED -> throw ApiException.internal("canceling workflow: workflow execution already completed");
            case CANCELED -> HttpReply.empty(204);
        };
    }

    HttpReply history(ApiRequest request) {
        synchronized (store) {
            InstanceRecord instance = store.instance(request.pathParam("instanceID"));
            if (instance == null) {
                throw ApiException.internal(INSTANCE_NOT_FOUND);
            }
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            instance.stages.stream()
                    .filter(stage -> stage.history != null)
                    .forEach(stage -> data.add(WireRenderer.history(stage.history)));
            return HttpReply.data(200, data);
        }
    }

    HttpReply stageHistory(ApiRequest request) {
        String number = request.pathParam("number");
        // strconv.ParseInt(number, 10, 64): an optional sign and decimal digits, within int64; else 404, no body.
        if (!number.matches("[+-]?[0-9]+")) {
            return HttpReply.empty(404);
        }
        long index;
        try {
            index = Long.parseLong(number);
        }
        catch (NumberFormatException ex) {
            return HttpReply.empty(404);
        }
        synchronized (store) {
            InstanceRecord instance = store.instance(request.pathParam("instanceID"));
            StageRecord stage = instance == null || index < 0 || index > Integer.MAX_VALUE ? null
                    : instance.stage((int) index);
            if (stage == null || stage.history == null) {
                throw ApiException.notFound(INSTANCE_NOT_FOUND);
            }
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            stage.history.activities.forEach(activity -> data.add(WireRenderer.activity(activity)));
            return HttpReply.data(200, data);
        }
    }
}
