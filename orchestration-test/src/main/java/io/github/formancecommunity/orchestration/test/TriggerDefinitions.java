package io.github.formancecommunity.orchestration.test;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code createTrigger} body: a body that does not decode into the real server's {@code TriggerData}
 * (not an object, a field of the wrong type, a non-string {@code vars} value) is a 500 INTERNAL with Go's
 * decoding message; a missing {@code event} or {@code workflowID}, or an expression that does not compile, is a
 * 400 VALIDATION.
 */
final class TriggerDefinitions {

    private TriggerDefinitions() {
    }

    /** A validated trigger body. */
    record Definition(String name, String event, String workflowId, String filter, Map<String, String> vars,
            String version) {
    }

    static Definition read(JsonNode decoded) {
        // Go decodes a JSON null into the zero value without an error.
        JsonNode body = decoded.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : decoded;
        if (!body.isObject()) {
            throw ApiException.internal("json: cannot unmarshal " + WorkflowDefinitions.jsonType(body)
                    + " into Go value of type triggers.TriggerData");
        }
        String name = text(body, "name");
        String event = text(body, "event");
        String workflowId = text(body, "workflowID");
        String filter = text(body, "filter");
        String version = text(body, "version");
        Map<String, String> vars = null;
        JsonNode rawVars = WorkflowDefinitions.goField(body, "vars");
        if (rawVars != null && !rawVars.isNull()) {
            if (!rawVars.isObject()) {
                throw ApiException.internal("json: cannot unmarshal " + WorkflowDefinitions.jsonType(rawVars)
                        + " into Go struct field TriggerData.vars of type map[string]string");
            }
            vars = new LinkedHashMap<>();
            for (var entry : rawVars.properties()) {
                if (!entry.getValue().isString()) {
                    throw ApiException.internal("json: cannot unmarshal "
                            + WorkflowDefinitions.jsonType(entry.getValue())
                            + " into Go struct field TriggerData.vars of type string");
                }
                vars.put(entry.getKey(), entry.getValue().asString());
            }
        }
        if (event == null || event.isEmpty()) {
            throw ApiException.validation("validating data: missing event");
        }
        if (workflowId == null || workflowId.isEmpty()) {
            throw ApiException.validation("validating data: missing workflow id");
        }
        try {
            if (filter != null && !filter.isEmpty()) {
                TriggerExpression.compile(filter);
            }
            if (vars != null) {
                vars.values().forEach(TriggerExpression::compile);
            }
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.validation("validating data: " + ex.getMessage());
        }
        return new Definition(name == null ? "" : name, event, workflowId, filter, vars, version);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = WorkflowDefinitions.goField(body, field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.internal("json: cannot unmarshal " + WorkflowDefinitions.jsonType(value)
                    + " into Go struct field TriggerData." + field + " of type string");
        }
        return value.asString();
    }
}
