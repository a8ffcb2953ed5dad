package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code listWorkflows}, {@code createWorkflow}, {@code getWorkflow}, {@code deleteWorkflow}, {@code runWorkflow}. */
final class WorkflowEndpoints {

    /** The real server's message for an unknown id read from Postgres. */
    static final String NO_ROWS = "sql: no rows in result set";
    /** go-playground/validator's {@code uuid} rule. */
    private static final java.util.regex.Pattern UUID_PATTERN = java.util.regex.Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final Store store;
    private final InstanceEngine engine;
    private final Clock clock;
    private final Duration runWaitLimit;

    WorkflowEndpoints(Store store, InstanceEngine engine, Clock clock, Duration runWaitLimit) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.runWaitLimit = runWaitLimit;
    }

    HttpReply list(ApiRequest request) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        synchronized (store) {
            store.workflows().stream()
                    .filter(workflow -> workflow.deletedAt == null)
                    .forEach(workflow -> data.add(WireRenderer.workflow(workflow)));
        }
        return HttpReply.data(200, data);
    }

    HttpReply create(ApiRequest request) {
        WorkflowDefinitions.Definition definition;
        try {
            definition = WorkflowDefinitions.read(request.jsonBody());
        }
        catch (ApiException ex) {
            if (ex.status != 400) {
                throw ex;
            }
            throw ApiException.validation("unmarshalling json body: " + ex.getMessage());
        }
        Instant exact = Timestamps.exact(clock);
        WorkflowRecord workflow = create(definition, exact);
        ObjectNode created;
        synchronized (store) {
            created = WireRenderer.workflow(workflow);
        }
        // The real server answers with the workflow it holds in memory, before Postgres drops the nanoseconds.
        created.put("createdAt", Timestamps.format(exact));
        created.put("updatedAt", Timestamps.format(exact));
        return HttpReply.data(201, created);
    }

    WorkflowRecord create(WorkflowDefinitions.Definition definition) {
        return create(definition, Timestamps.exact(clock));
    }

    private WorkflowRecord create(WorkflowDefinitions.Definition definition, Instant at) {
        WorkflowRecord workflow = new WorkflowRecord(UUID.randomUUID().toString(), definition.name(),
                definition.stages(), Timestamps.stored(at));
        store.add(workflow);
        return workflow;
    }

    HttpReply get(ApiRequest request) {
        synchronized (store) {
            WorkflowRecord workflow = store.workflow(request.pathParam("flowId"));
            if (workflow == null) {
                throw ApiException.internal(NO_ROWS);
            }
            return HttpReply.data(200, WireRenderer.workflow(workflow));
        }
    }

    HttpReply delete(ApiRequest request) {
        String id = request.pathParam("flowId");
        if (!UUID_PATTERN.matcher(id).matches()) {
            // go-playground/validator's Var(id, "required,uuid") error.
            throw ApiException.validation("Key: '' Error:Field validation for '' failed on the 'uuid' tag");
        }
        synchronized (store) {
            WorkflowRecord workflow = store.workflow(id);
            if (workflow == null) {
                throw ApiException.notFound("Workflow not found");
            }
            workflow.deletedAt = Timestamps.now(clock);
        }
        return HttpReply.empty(204);
    }

    HttpReply run(ApiRequest request) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (request.contentLength() > 0) {
            JsonNode body = request.jsonBody();
            if (body.isNull()) {
                body = JsonNodeFactory.instance.objectNode();
            }
            if (!body.isObject()) {
                throw ApiException.validation("json: cannot unmarshal " + WorkflowDefinitions.jsonType(body)
                        + " into Go value of type map[string]string");
            }
            for (var entry : body.properties()) {
                if (entry.getValue().isNull()) {
                    // encoding/json stores the zero value for a null map element.
                    variables.put(entry.getKey(), "");
                    continue;
                }
                if (!entry.getValue().isString()) {
                    throw ApiException.validation("json: cannot unmarshal "
                            + WorkflowDefinitions.jsonType(entry.getValue())
                            + " into Go value of type string");
                }
                variables.put(entry.getKey(), entry.getValue().asString());
            }
        }
        WorkflowRecord workflow = store.workflow(request.pathParam("workflowID"));
        if (workflow == null) {
            throw ApiException.internal(NO_ROWS);
        }
        InstanceEngine.Started started = engine.start(workflow, variables);
        String wait = request.queryParam("wait");
        if (wait != null && (wait.toLowerCase(Locale.ROOT).equals("true") || wait.equals("1"))) {
            engine.awaitTermination(started.record(), runWaitLimit);
            synchronized (store) {
                return HttpReply.data(201, WireRenderer.instance(started.record(), workflow, true));
            }
        }
        return HttpReply.data(201, started.created());
    }
}
