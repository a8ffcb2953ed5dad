package io.github.formancecommunity.orchestration.client.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random JSON documents valid against a schema of the OpenAPI spec, read from the spec file itself: every
 * {@code $ref}, {@code allOf}/{@code anyOf}/{@code oneOf}, {@code enum}, {@code format}, {@code minimum}/
 * {@code maximum}, {@code required} and {@code additionalProperties} of the spec shapes what is generated.
 * Optional properties come and go, unknown properties are added (no schema of the spec forbids them), strings
 * and numbers range over what JSON Schema allows (unbounded integers, exponent notation, every RFC 3339
 * date-time form), and a free-form object such as a workflow stage has any number of keys.
 *
 * <p>With {@code serverQuirks}, the document also carries what the real server sends beyond the spec
 * ({@code ../shared/spec/API-NOTES.md} §7 and {@code SERVER-BEHAVIOUR.md}): {@code "stages": null}, extra fields
 * such as {@code deletedAt}, {@code temporalRunID}, {@code Trigger.workflow: null}, {@code details}, the
 * {@code noop} stage, {@code "timestamp": null} in send stages, {@code nextExecution} at the epoch, and stage
 * numbers written as {@code 0.0}. Such documents are not spec-valid and are not checked against the spec.
 *
 * <p>A generator is deterministic for its {@link Random}: the same seed gives the same document.
 */
final class SpecDocumentGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final String[] STAGE_KEYS = {"send", "delay", "wait_event", "update"};
    private static final Map<String, String> STAGE_SCHEMAS = Map.of("send", "StageSend", "delay", "StageDelay",
            "wait_event", "StageWaitEvent", "update", "Update");
    /** Field names the client maps beyond the spec; random unknown properties never take them. */
    private static final Set<String> SERVER_FIELDS = Set.of("deletedAt", "temporalRunID", "txid", "details",
            "workflow", "id", "reverted");
    private static final String[] SAMPLE_STRINGS = {"", " ", "${amount}", "users:${id}", "\u00e9t\u00e9 \u2603",
            "\ud83d\ude00", "line\nbreak\ttab\"quote\\", "\u0000\u001f", "null", "0", "-1", "1e400", "true",
            "9223372036854775808", "EUR/2", "world", "SAVED_PAYMENT", "VALIDATION"};

    private final OpenAPI api;
    private final Random random;
    private final boolean serverQuirks;

    SpecDocumentGenerator(OpenAPI api, Random random, boolean serverQuirks) {
        this.api = api;
        this.random = random;
        this.serverQuirks = serverQuirks;
    }

    /** A document for the named component schema. */
    JsonNode component(String name) {
        return generate(schema(name), 0, name);
    }

    /** A document for a schema of the spec. */
    JsonNode generate(Schema<?> schema) {
        return generate(schema, 0, null);
    }

    private Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name + " in the spec");
        }
        return schema;
    }

    private JsonNode generate(Schema<?> schema, int depth, String name) {
        if (schema == null) {
            return any(depth);
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return generate(schema(ref), depth, ref);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object value = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
            return value == null ? JSON.nullNode() : JSON.stringNode(value.toString());
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return allOf(schema.getAllOf(), depth, name);
        }
        if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
            // the discriminator names the member: its property takes the mapping's key
            List<Map.Entry<String, String>> mapping = new ArrayList<>(schema.getDiscriminator().getMapping().entrySet());
            Map.Entry<String, String> chosen = mapping.get(random.nextInt(mapping.size()));
            String ref = chosen.getValue().substring(chosen.getValue().lastIndexOf('/') + 1);
            JsonNode member = generate(schema(ref), depth, ref);
            ((ObjectNode) member).put(schema.getDiscriminator().getPropertyName(), chosen.getKey());
            return member;
        }
        List<Schema> alternatives = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            return generate(alternatives.get(random.nextInt(alternatives.size())), depth, null);
        }
        String type = schema.getType();
        if (type == null) {
            type = schema.getProperties() != null || schema.getAdditionalProperties() != null ? "object"
                    : schema.getItems() != null ? "array" : null;
        }
        if (type == null) {
            return any(depth);
        }
        return switch (type) {
            case "object" -> object(List.of(schema), depth, name);
            case "array" -> array(schema, depth);
            case "string" -> string(schema);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> throw new IllegalStateException("schema type " + type + " is not handled");
        };
    }

    /** The members of an {@code allOf} flattened into one object (every member of this spec is an object). */
    private JsonNode allOf(List<Schema> members, int depth, String name) {
        List<Schema<?>> resolved = new ArrayList<>();
        for (Schema<?> member : members) {
            while (member.get$ref() != null) {
                member = schema(member.get$ref().substring(member.get$ref().lastIndexOf('/') + 1));
            }
            if (member.getAllOf() != null) {
                member.getAllOf().forEach(inner -> resolved.add(inner.get$ref() == null ? inner
                        : schema(inner.get$ref().substring(inner.get$ref().lastIndexOf('/') + 1))));
            }
            else {
                resolved.add(member);
            }
        }
        return object(resolved, depth, name);
    }

    private JsonNode object(List<Schema<?>> schemas, int depth, String name) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Object additional = null;
        for (Schema<?> schema : schemas) {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((key, value) -> properties.putIfAbsent(key, value));
            }
            if (schema.getRequired() != null) {
                required.addAll(schema.getRequired());
            }
            if (schema.getAdditionalProperties() != null) {
                additional = schema.getAdditionalProperties();
            }
        }
        ObjectNode node = JSON.objectNode();
        boolean deep = depth >= MAX_DEPTH;
        for (Map.Entry<String, Schema<?>> property : properties.entrySet()) {
            if (required.contains(property.getKey()) || !deep && random.nextInt(depth < 3 ? 2 : 4) == 0) {
                node.set(property.getKey(), generate(property.getValue(), depth + 1, null));
            }
        }
        if (properties.isEmpty() && additional != null) {
            freeForm(node, additional, depth, name);
        }
        else if (!deep && random.nextInt(4) == 0) {
            // no schema of the spec sets additionalProperties: false, so unknown fields are valid anywhere
            int extra = 1 + random.nextInt(2);
            for (int i = 0; i < extra; i++) {
                String key = "x" + randomName();
                if (!properties.containsKey(key) && !SERVER_FIELDS.contains(key)) {
                    node.set(key, any(depth + 2));
                }
            }
        }
        if (serverQuirks && name != null) {
            quirks(node, name);
        }
        return node;
    }

    /**
     * A map-like object ({@code additionalProperties: true}, {@code {}} or a schema). A workflow stage is such an
     * object: it gets zero, one or several keys, often a known stage type with a value of that stage's schema.
     */
    private void freeForm(ObjectNode node, Object additional, int depth, String name) {
        Schema<?> values = additional instanceof Schema<?> schema && isConstrained(schema) ? schema : null;
        boolean stage = additional instanceof Schema<?> schema && !isConstrained(schema);
        int size = stage ? weightedStageSize() : depth >= MAX_DEPTH ? 0 : random.nextInt(4);
        for (int i = 0; i < size; i++) {
            if (stage && random.nextInt(3) > 0) {
                String key = STAGE_KEYS[random.nextInt(STAGE_KEYS.length)];
                node.set(key, random.nextInt(5) == 0 ? any(depth + 1)
                        : generate(schema(STAGE_SCHEMAS.get(key)), depth + 1, STAGE_SCHEMAS.get(key)));
            }
            else {
                node.set(randomName(), values != null ? generate(values, depth + 1, null) : any(depth + 1));
            }
        }
    }

    private int weightedStageSize() {
        int roll = random.nextInt(10);
        return roll < 6 ? 1 : roll < 8 ? 0 : 2 + random.nextInt(2);
    }

    /** A workflow stage: an object of any properties ({@code additionalProperties: {}}). */
    private static boolean isStage(Schema<?> schema) {
        return schema != null && schema.getAdditionalProperties() instanceof Schema<?> values
                && !isConstrained(values);
    }

    private static boolean isConstrained(Schema<?> schema) {
        return schema.getType() != null || schema.get$ref() != null || schema.getProperties() != null;
    }

    private JsonNode array(Schema<?> schema, int depth) {
        ArrayNode array = JSON.arrayNode();
        int size = depth >= MAX_DEPTH + 2 || depth >= MAX_DEPTH && !isStage(schema.getItems()) ? 0 : random.nextInt(4);
        for (int i = 0; i < size; i++) {
            array.add(generate(schema.getItems(), depth + 1, null));
        }
        return array;
    }

    private JsonNode string(Schema<?> schema) {
        String format = schema.getFormat();
        if ("date-time".equals(format)) {
            return JSON.stringNode(dateTime());
        }
        if ("uuid".equals(format)) {
            return JSON.stringNode(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return JSON.stringNode(randomString());
    }

    private JsonNode integer(Schema<?> schema) {
        BigInteger min = schema.getMinimum() == null ? null : schema.getMinimum().toBigInteger();
        BigInteger max = schema.getMaximum() == null ? null : schema.getMaximum().toBigInteger();
        if (min != null && max != null) {
            return JSON.numberNode(min.add(BigInteger.valueOf(
                    (long) (random.nextDouble() * (max.subtract(min).longValue() + 1)))));
        }
        BigInteger value = switch (random.nextInt(5)) {
            case 0 -> BigInteger.valueOf(random.nextInt(3));
            case 1 -> BigInteger.valueOf(random.nextInt());
            case 2 -> BigInteger.valueOf(random.nextLong());
            default -> new BigInteger(1 + random.nextInt(140), random).multiply(
                    random.nextBoolean() ? BigInteger.ONE : BigInteger.ONE.negate());
        };
        if (min != null && value.compareTo(min) < 0) {
            value = min.add(value.abs());
        }
        if (max != null && value.compareTo(max) > 0) {
            value = max;
        }
        return JSON.numberNode(value);
    }

    private JsonNode number(Schema<?> schema) {
        return switch (random.nextInt(5)) {
            case 0 -> JSON.numberNode(BigInteger.valueOf(random.nextInt(10)));
            case 1 -> JSON.numberNode(new BigDecimal(random.nextInt(10) + ".0"));
            case 2 -> JSON.numberNode(BigDecimal.valueOf(random.nextGaussian() * 1e6));
            case 3 -> JSON.numberNode(new BigDecimal(new BigInteger(60, random), -random.nextInt(40)));
            default -> JSON.numberNode(new BigDecimal(new BigInteger(40, random), random.nextInt(30)).negate());
        };
    }

    /** Any JSON value: what {@code {}} and {@code additionalProperties: true} allow. */
    private JsonNode any(int depth) {
        int kind = depth >= MAX_DEPTH ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> integer(new Schema<>());
            case 3 -> number(new Schema<>());
            case 4 -> JSON.stringNode(randomString());
            case 5 -> {
                ArrayNode array = JSON.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(any(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    object.set(randomName(), any(depth + 1));
                }
                yield object;
            }
        };
    }

    /** An RFC 3339 date-time, in every form the grammar allows. */
    private String dateTime() {
        int year = random.nextInt(10) == 0 ? random.nextInt(10000) : 1970 + random.nextInt(100);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int second = random.nextInt(60);
        StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d%s%02d:%02d:%02d", year, month, day,
                random.nextInt(8) == 0 ? "t" : "T", random.nextInt(24), random.nextInt(60), second));
        if (random.nextBoolean()) {
            text.append('.');
            int digits = 1 + random.nextInt(random.nextInt(6) == 0 ? 12 : 9);
            for (int i = 0; i < digits; i++) {
                text.append(random.nextInt(10));
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> text.append('Z');
            case 1 -> text.append(random.nextBoolean() ? "z" : "Z");
            default -> text.append(random.nextBoolean() ? '+' : '-')
                    .append(String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)));
        }
        return text.toString();
    }

    private String randomString() {
        if (random.nextInt(3) == 0) {
            return SAMPLE_STRINGS[random.nextInt(SAMPLE_STRINGS.length)];
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.append(pick < 7 ? (char) ('a' + random.nextInt(26)) : pick < 9 ? (char) (' ' + random.nextInt(95))
                    : (char) (0xa0 + random.nextInt(0xd000)));
        }
        return text.toString();
    }

    private String randomName() {
        return random.nextInt(6) == 0 ? randomString() : "k" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    /** What the real server adds to the spec's shapes, each at random. */
    private void quirks(ObjectNode node, String name) {
        if (random.nextInt(3) != 0) {
            return;
        }
        switch (name) {
            case "WorkflowConfig" -> {
                if (random.nextInt(3) == 0) {
                    node.putNull("stages");
                }
                else if (node.get("stages") instanceof ArrayNode stages) {
                    stages.addObject().putObject("noop");
                }
            }
            case "Workflow" -> node.put("deletedAt", dateTime());
            case "StageStatus" -> {
                node.put("temporalRunID", randomString());
                node.put("stage", new BigDecimal(random.nextInt(5) + ".0"));
            }
            case "Trigger" -> node.putNull("workflow");
            case "TriggerOccurrence" -> node.put("id", randomString());
            case "Error" -> node.put("details", randomString());
            case "StageSend" -> node.putNull("timestamp");
            case "WorkflowInstanceHistoryStage" -> node.put("nextExecution", "1970-01-01T00:00:00Z");
            default -> {
            }
        }
    }
}
