package io.github.formancecommunity.orchestration.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Go's {@code encoding/json} writes a map with its keys sorted (by their UTF-8 bytes), where a struct keeps its
 * field order. The real server holds raw stages, variables, event payloads and history inputs and outputs as maps.
 */
final class GoMaps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private GoMaps() {
    }

    /** A copy in which every object, at any depth, has its keys in Go's map order. */
    static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey(UTF8_ORDER));
            ObjectNode copy = NODES.objectNode();
            entries.forEach(entry -> copy.set(entry.getKey(), sorted(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
