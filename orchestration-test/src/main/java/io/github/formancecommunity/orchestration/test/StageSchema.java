package io.github.formancecommunity.orchestration.test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves a stage's raw JSON into its typed form the way the real server's {@code schema.Resolve} does: every
 * string is interpolated ({@code ${name}} becomes the variable's value, or {@code ""} when the run has no such
 * variable), an empty or absent value takes the field's default, and a value of the wrong type fails with
 * {@code resolving field '<Field>': ...}. {@code createWorkflow} resolves each stage with no variables and answers
 * 500 on a failure; a run resolves with its variables and fails the stage.
 *
 * <p>The result is the stage as Go's {@code json.Marshal} writes the typed struct: every field, with its default,
 * except the {@code omitempty} ones that are empty.
 */
final class StageSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

    /** A resolution failure, with the real server's message. */
    static final class ResolveException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResolveException(String message) {
            super(message, null, false, false);
        }
    }

    private sealed interface GoType permits Str, Bool, BigInt, GoDurationType, Time, Struct, Ptr, StrMap {
    }

    private record Str() implements GoType {
    }

    private record Bool() implements GoType {
    }

    private record BigInt() implements GoType {
    }

    private record GoDurationType() implements GoType {
    }

    private record Time() implements GoType {
    }

    private record StrMap() implements GoType {
    }

    private record Ptr(GoType element) implements GoType {
    }

    private record Struct(List<Field> fields) implements GoType {
    }

    /**
     * One struct field.
     *
     * @param name       the Go field name (used in error messages)
     * @param json       the JSON key; {@code null} for an embedded struct
     * @param type       its type
     * @param fallback   the {@code spec:"default:..."} value, {@code ""} for none
     * @param omitEmpty  whether {@code json.Marshal} leaves it out when empty
     */
    private record Field(String name, String json, GoType type, String fallback, boolean omitEmpty) {
    }

    private static Field field(String name, String json, GoType type) {
        return new Field(name, json, type, "", false);
    }

    private static Field field(String name, String json, GoType type, String fallback) {
        return new Field(name, json, type, fallback, false);
    }

    private static Field omitEmpty(String name, String json, GoType type) {
        return new Field(name, json, type, "", true);
    }

    private static final Struct WALLET = new Struct(List.of(
            new Field("WalletReference", null, new Struct(List.of(field("ID", "id", new Str()),
                    field("Name", "name", new Str()))), "", false),
            field("Balance", "balance", new Str(), "main")));
    private static final Struct LEDGER_ACCOUNT = new Struct(List.of(
            field("ID", "id", new Str()),
            field("Ledger", "ledger", new Str(), "default"),
            field("ThroughAccount", "throughAccount", new Str(), "world"),
            field("AllowOverdraft", "allowOverdraft", new Bool(), "false")));
    private static final Struct PAYMENT_SOURCE = new Struct(List.of(
            field("ID", "id", new Str()),
            omitEmpty("Ledger", "ledger", new Str()),
            omitEmpty("HoldingAccount", "holdingAccount", new Str()),
            field("ThroughAccount", "throughAccount", new Str(), "world"),
            field("AllowOverdraft", "allowOverdraft", new Bool(), "false")));
    private static final Struct PAYMENT_DESTINATION = new Struct(List.of(
            field("PSP", "psp", new Str()),
            field("Type", "type", new Str(), "TRANSFER"),
            omitEmpty("SourceAccount", "sourceAccount", new Ptr(new Str())),
            field("Metadata", "metadata", new Str(), "formanceAccountID"),
            field("WaitingValidation", "waitingValidation", new Bool(), "false"),
            omitEmpty("ConnectorID", "connectorId", new Ptr(new Str()))));
    private static final Struct SOURCE = new Struct(List.of(
            omitEmpty("Wallet", "wallet", new Ptr(WALLET)),
            omitEmpty("Account", "account", new Ptr(LEDGER_ACCOUNT)),
            omitEmpty("Payment", "payment", new Ptr(PAYMENT_SOURCE))));
    private static final Struct DESTINATION = new Struct(List.of(
            omitEmpty("Wallet", "wallet", new Ptr(WALLET)),
            omitEmpty("Account", "account", new Ptr(LEDGER_ACCOUNT)),
            omitEmpty("Payment", "payment", new Ptr(PAYMENT_DESTINATION))));
    private static final Struct MONETARY = new Struct(List.of(
            field("Amount", "amount", new BigInt()),
            field("Asset", "asset", new Str())));

    /** The stage types of flows v2.6.0 and their Go structs. */
    private static final Map<String, Struct> STAGES = Map.of(
            "send", new Struct(List.of(
                    field("Source", "source", SOURCE),
                    field("Destination", "destination", DESTINATION),
                    omitEmpty("Amount", "amount", new Ptr(MONETARY)),
                    omitEmpty("Metadata", "metadata", new StrMap()),
                    field("Timestamp", "timestamp", new Ptr(new Time())))),
            "delay", new Struct(List.of(
                    omitEmpty("Duration", "duration", new Ptr(new GoDurationType())),
                    omitEmpty("Until", "until", new Ptr(new Time())))),
            "wait_event", new Struct(List.of(field("Event", "event", new Str()))),
            "update", new Struct(List.of(omitEmpty("Account", "account", new Ptr(new Struct(List.of(
                    field("ID", "id", new Str()),
                    field("Ledger", "ledger", new Str(), "main"),
                    field("Metadata", "metadata", new StrMap()))))))),
            "noop", new Struct(List.of()));

    private StageSchema() {
    }

    static boolean isKnown(String type) {
        return STAGES.containsKey(type);
    }

    /**
     * Resolves one stage.
     *
     * @param type      the stage type (the single key of the raw stage)
     * @param raw       its value; {@code null} or JSON null for none
     * @param variables the run's variables (empty at creation)
     * @return the typed stage as JSON
     * @throws ResolveException with the real server's message
     */
    static ObjectNode resolve(String type, JsonNode raw, Map<String, String> variables) {
        Struct schema = STAGES.get(type);
        if (schema == null) {
            throw new ResolveException("unable to resolve schema " + type);
        }
        ObjectNode target = NODES.objectNode();
        mapObject(raw == null || raw.isNull() ? NODES.objectNode() : raw, schema, target, variables);
        return target;
    }

    private static void mapObject(JsonNode raw, Struct struct, ObjectNode target, Map<String, String> variables) {
        for (Field field : struct.fields()) {
            if (field.json() == null) {
                mapObject(raw, (Struct) field.type(), target, variables);
                continue;
            }
            JsonNode value;
            try {
                value = mapField(raw.get(field.json()), field.type(), field.fallback(), variables);
            }
            catch (ResolveException ex) {
                throw new ResolveException("resolving field '" + field.name() + "': " + ex.getMessage());
            }
            if (value == null) {
                if (!field.omitEmpty()) {
                    target.putNull(field.json());
                }
            }
            else if (!field.omitEmpty() || !isEmpty(field.type(), value)) {
                target.set(field.json(), value);
            }
        }
    }

    /** Go's {@code omitempty} test: an empty string or an empty map (pointers are only empty when nil). */
    private static boolean isEmpty(GoType type, JsonNode value) {
        return type instanceof Str && value.asString().isEmpty() || type instanceof StrMap && value.isEmpty();
    }

    /** The value as JSON, or {@code null} for a nil pointer or map. */
    private static JsonNode mapField(JsonNode raw, GoType type, String fallback, Map<String, String> variables) {
        boolean isNil = raw == null || raw.isNull();
        if (type instanceof Ptr pointer) {
            return isNil ? null : mapField(raw, pointer.element(), fallback, variables);
        }
        if (type instanceof Str) {
            return string(raw, isNil, fallback, variables);
        }
        if (type instanceof Bool) {
            return bool(raw, isNil, fallback, variables);
        }
        if (type instanceof BigInt) {
            return bigInt(raw, isNil, fallback, variables);
        }
        if (type instanceof GoDurationType) {
            return duration(raw, variables);
        }
        if (type instanceof Time) {
            return time(raw, isNil, fallback, variables);
        }
        if (type instanceof StrMap) {
            if (isNil) {
                return null;
            }
            if (!raw.isObject()) {
                throw new ResolveException("expecting map, got type: " + goType(raw));
            }
            ObjectNode map = NODES.objectNode();
            for (var entry : raw.properties()) {
                map.set(entry.getKey(), mapField(entry.getValue(), new Str(), "", variables));
            }
            return map;
        }
        if (isNil || !raw.isObject()) {
            throw new ResolveException("expected map but was " + goType(raw));
        }
        ObjectNode target = NODES.objectNode();
        mapObject(raw, (Struct) type, target, variables);
        return target;
    }

    private static JsonNode string(JsonNode raw, boolean isNil, String fallback, Map<String, String> variables) {
        if (isNil) {
            return NODES.stringNode(fallback);
        }
        if (!raw.isString()) {
            throw new ResolveException("expected string but was " + goType(raw));
        }
        String text = interpolate(raw.asString(), variables);
        return NODES.stringNode(text.isEmpty() ? fallback : text);
    }

    private static JsonNode bool(JsonNode raw, boolean isNil, String fallback, Map<String, String> variables) {
        String text;
        if (isNil) {
            text = fallback.toLowerCase(Locale.ROOT);
        }
        else if (raw.isBoolean()) {
            return NODES.booleanNode(raw.booleanValue());
        }
        else if (raw.isString()) {
            text = interpolate(raw.asString(), variables).toLowerCase(Locale.ROOT);
        }
        else {
            throw new ResolveException("expected uint or interpolated string but was " + goType(raw));
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw new ResolveException("unable to resolve field 'bool' to bool value");
        }
        return NODES.booleanNode(text.equals("true"));
    }

    private static JsonNode bigInt(JsonNode raw, boolean isNil, String fallback, Map<String, String> variables) {
        if (isNil) {
            return fallback.isEmpty() ? null : NODES.numberNode(new BigInteger(fallback));
        }
        if (raw.isNumber()) {
            return NODES.numberNode(BigInteger.valueOf(goInt64(raw.doubleValue())));
        }
        if (!raw.isString()) {
            throw new ResolveException("expected big int or interpolated string but was " + goType(raw));
        }
        String text = interpolate(raw.asString(), variables);
        if (text.isEmpty()) {
            text = fallback;
            if (text.isEmpty()) {
                return null;
            }
        }
        try {
            return NODES.numberNode(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        catch (NumberFormatException ex) {
            throw new ResolveException("unable to parse '" + text + "' as big int");
        }
    }

    private static JsonNode duration(JsonNode raw, Map<String, String> variables) {
        if (!raw.isString()) {
            throw new ResolveException("expected uint or interpolated string but was " + goType(raw));
        }
        String text = interpolate(raw.asString(), variables);
        if (text.isEmpty()) {
            return NODES.stringNode("0s");
        }
        Duration duration;
        try {
            duration = GoDuration.parse(text);
        }
        catch (IllegalArgumentException ex) {
            throw new ResolveException("unable to resolve field 'Duration' to duration value");
        }
        return NODES.stringNode(GoDuration.format(duration));
    }

    private static JsonNode time(JsonNode raw, boolean isNil, String fallback, Map<String, String> variables) {
        if (isNil) {
            return fallback.isEmpty() ? null : NODES.stringNode(fallback);
        }
        if (!raw.isString()) {
            throw new ResolveException("expected string but was " + goType(raw));
        }
        String text = interpolate(raw.asString(), variables);
        if (text.isEmpty()) {
            return NODES.stringNode("0001-01-01T00:00:00Z");
        }
        Instant parsed = Timestamps.parseRfc3339(text);
        if (parsed == null) {
            throw new ResolveException("expected date as rfc3339 format");
        }
        return NODES.stringNode(Timestamps.format(parsed));
    }

    /** Go's {@code int64(f)} on amd64: values out of range give the minimum int64. */
    private static long goInt64(double value) {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) value;
    }

    static String interpolate(String text, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group().substring(2, matcher.group().length() - 1);
            matcher.appendReplacement(result, Matcher.quoteReplacement(variables.getOrDefault(name, "")));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Go's {@code %T} of a value decoded from JSON into {@code any}. */
    static String goType(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return "<nil>";
        }
        if (raw.isString()) {
            return "string";
        }
        if (raw.isNumber()) {
            return "float64";
        }
        if (raw.isBoolean()) {
            return "bool";
        }
        if (raw.isArray()) {
            return "[]interface {}";
        }
        return "map[string]interface {}";
    }
}
