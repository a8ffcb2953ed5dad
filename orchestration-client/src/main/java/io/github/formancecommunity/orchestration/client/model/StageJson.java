package io.github.formancecommunity.orchestration.client.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the stage models as JSON trees without an {@code ObjectMapper}, so a {@link WorkflowStage}
 * built from raw JSON reads back as typed records whatever mapper the application uses. Reading is lenient
 * where the server is: numbers and booleans may come as strings, and any string may hold a {@code ${...}}
 * placeholder. A shape that does not fit throws an {@link IllegalArgumentException}, which the typed accessors
 * turn into an empty {@code Optional}.
 */
final class StageJson {

    private StageJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The node as an object; absent or JSON null reads as {@code null}, anything else is refused. */
    static @Nullable JsonNode object(@Nullable JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be an object");
        }
        return node;
    }

    /** A member of an object, {@code null} when absent or JSON null. */
    static @Nullable JsonNode member(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** A string member; scalars other than strings read as their text, as the server's JSON decoding does not. */
    static @Nullable String string(JsonNode object, String name) {
        JsonNode value = member(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.stringValue();
    }

    /** A map of strings; scalar values read as their text. */
    static @Nullable Map<String, String> strings(JsonNode object, String name) {
        JsonNode value = member(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(name + " must be an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            if (item.isContainer()) {
                throw new IllegalArgumentException(name + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), item.isNull() ? null : item.isString() ? item.stringValue() : item.asString());
        }
        return map;
    }

    /** A boolean member as the server reads it: a JSON boolean or the text {@code true}/{@code false}. */
    static @Nullable Boolean bool(JsonNode object, String name) {
        JsonNode value = member(object, name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && ("true".equalsIgnoreCase(value.stringValue())
                || "false".equalsIgnoreCase(value.stringValue()))) {
            return Boolean.parseBoolean(value.stringValue().toLowerCase(java.util.Locale.ROOT));
        }
        if (value.isString() && Placeholders.isPlaceholder(value.stringValue())) {
            return null;
        }
        throw new IllegalArgumentException(name + " must be a boolean");
    }

    /** The placeholder text of a member, {@code null} when the member is not a string holding one. */
    static @Nullable String placeholder(JsonNode object, String name) {
        JsonNode value = member(object, name);
        return value != null && value.isString() && Placeholders.isPlaceholder(value.stringValue())
                ? value.stringValue() : null;
    }

    /** An integer member: a JSON number (exponent notation included) or a decimal string. */
    static @Nullable BigInteger integer(JsonNode object, String name) {
        JsonNode value = member(object, name);
        if (value == null || value.isString() && Placeholders.isPlaceholder(value.stringValue())) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.isIntegralNumber() ? value.bigIntegerValue() : value.decimalValue().toBigIntegerExact();
            }
            if (value.isString()) {
                return new BigDecimal(value.stringValue()).toBigIntegerExact();
            }
        }
        catch (ArithmeticException | NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be an integer", ex);
        }
        throw new IllegalArgumentException(name + " must be an integer");
    }

    /** A date-time member, RFC 3339; a placeholder reads as {@code null}. */
    static @Nullable OffsetDateTime dateTime(JsonNode object, String name) {
        String text = string(object, name);
        if (text == null || Placeholders.isPlaceholder(text)) {
            return null;
        }
        return RfcDateTime.parse(text);
    }

    static void put(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, @Nullable JsonNode value) {
        if (value != null) {
            node.set(name, value);
        }
    }

    static void put(ObjectNode node, String name, @Nullable Boolean value, @Nullable String placeholder) {
        if (placeholder != null) {
            node.put(name, placeholder);
        }
        else if (value != null) {
            node.put(name, value.booleanValue());
        }
    }

    static void put(ObjectNode node, String name, @Nullable OffsetDateTime value,
            @Nullable String placeholder) {
        if (placeholder != null) {
            node.put(name, placeholder);
        }
        else if (value != null) {
            node.put(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    static void put(ObjectNode node, String name, @Nullable Map<String, String> values) {
        if (values != null) {
            ObjectNode map = node.putObject(name);
            values.forEach(map::put);
        }
    }

    /** Refuses a value and a placeholder for the same field. */
    static void oneOf(@Nullable Object value, @Nullable String placeholder, String field) {
        if (value != null && placeholder != null) {
            throw new IllegalArgumentException(field + " has both a value and a placeholder; set one");
        }
        if (placeholder != null) {
            Placeholders.require(placeholder, field + "Placeholder", "null");
        }
    }
}
