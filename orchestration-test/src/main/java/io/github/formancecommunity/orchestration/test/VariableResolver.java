package io.github.formancecommunity.orchestration.test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Replaces {@code ${name}} placeholders in every string of a stage spec with the run's variables. */
final class VariableResolver {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private VariableResolver() {
    }

    /**
     * A copy of {@code node} with every placeholder replaced.
     *
     * @throws StageFailure when a placeholder names a variable the run does not have
     */
    static JsonNode resolve(JsonNode node, Map<String, String> variables) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(substitute(node.asString(), variables));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), resolve(entry.getValue(), variables)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(resolve(element, variables)));
            return copy;
        }
        return node.deepCopy();
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String value = variables.get(name);
            if (value == null) {
                throw new StageFailure("resolving variables: variable '" + name + "' is not defined");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
