package io.github.formancecommunity.orchestration.test;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a {@code createWorkflow} body the way the real server does: a body that does not decode into
 * {@code {name: string, stages: [{<type>: {...}}]}} is a 400 VALIDATION; a stage with zero or several keys, an
 * unknown stage type, or a stage whose fields do not resolve with no variables ({@link StageSchema}) is a 500
 * INTERNAL; everything else (missing {@code wait_event.event}, a delay with neither field, a send without amount)
 * is accepted and fails at run time.
 */
final class WorkflowDefinitions {

    private WorkflowDefinitions() {
    }

    /**
     * The validated definition.
     *
     * @param name   the name, {@code ""} when absent
     * @param stages the stages, or JSON {@code null} when the body had none
     */
    record Definition(String name, JsonNode stages) {
    }

    static Definition read(JsonNode decoded) {
        // Go decodes a JSON null into the zero value without an error.
        JsonNode body = decoded.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : decoded;
        if (!body.isObject()) {
            throw ApiException.validation("json: cannot unmarshal " + jsonType(body)
                    + " into Go value of type workflow.Config");
        }
        JsonNode name = goField(body, "name");
        if (name != null && !name.isNull() && !name.isString()) {
            throw ApiException.validation("json: cannot unmarshal " + jsonType(name)
                    + " into Go struct field Config.name of type string");
        }
        JsonNode stages = goField(body, "stages");
        if (stages == null || stages.isNull()) {
            return new Definition(name == null || name.isNull() ? "" : name.asString(),
                    JsonNodeFactory.instance.nullNode());
        }
        if (!stages.isArray()) {
            throw ApiException.validation("json: cannot unmarshal " + jsonType(stages)
                    + " into Go struct field Config.stages of type []workflow.RawStage");
        }
        for (JsonNode stage : stages) {
            if (!stage.isObject() && !stage.isNull()) {
                throw ApiException.validation("json: cannot unmarshal " + jsonType(stage)
                        + " into Go struct field Config.stages of type workflow.RawStage");
            }
            if (stage.isObject()) {
                for (var entry : stage.properties()) {
                    if (!entry.getValue().isObject() && !entry.getValue().isNull()) {
                        throw ApiException.validation("json: cannot unmarshal " + jsonType(entry.getValue())
                                + " into Go struct field Config.stages of type map[string]interface {}");
                    }
                }
            }
        }
        for (JsonNode stage : stages) {
            validateStage(stage);
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        stages.forEach(stage -> copy.add(stage.isNull() ? JsonNodeFactory.instance.objectNode() : asFloat64(stage)));
        return new Definition(name == null || name.isNull() ? "" : name.asString(), copy);
    }

    private static void validateStage(JsonNode stage) {
        if (stage.isNull() || stage.isEmpty()) {
            throw ApiException.internal("creating workflow: empty specification");
        }
        if (stage.size() > 1) {
            throw ApiException.internal("creating workflow: a specification should have only one name");
        }
        String type = stage.propertyNames().iterator().next();
        try {
            StageSchema.resolve(type, stage.get(type), Map.of());
        }
        catch (StageSchema.ResolveException ex) {
            throw ApiException.internal("creating workflow: " + ex.getMessage());
        }
    }

    /**
     * A copy in which every number went through Go's {@code float64}, as the real server's raw stages
     * ({@code map[string]any}) do: integers above 2^53 lose their low digits. Integral values below 1e21 stay
     * integers (Go writes them without fraction or exponent); the others are doubles, written in Go's notation by
     * {@link GoFloats}.
     */
    static JsonNode asFloat64(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (Double.isInfinite(value) || Double.isNaN(value)) {
                return node.deepCopy();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e21 && !(value == 0 && 1 / value < 0)) {
                return nodes.numberNode(GoFloats.shortest(value).toBigInteger());
            }
            return nodes.numberNode(value);
        }
        if (node.isObject()) {
            tools.jackson.databind.node.ObjectNode copy = nodes.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), asFloat64(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            node.forEach(element -> copy.add(asFloat64(element)));
            return copy;
        }
        return node.deepCopy();
    }

    /**
     * The value Go's {@code encoding/json} decodes into the struct field with this JSON name: keys match the name
     * exactly or case-insensitively, and the last matching key wins.
     */
    static JsonNode goField(JsonNode object, String name) {
        JsonNode value = null;
        for (var entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                value = entry.getValue();
            }
        }
        return value;
    }

    static String jsonType(JsonNode node) {
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return "null";
    }
}
