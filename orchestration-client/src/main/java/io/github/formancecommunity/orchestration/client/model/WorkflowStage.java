package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One element of {@link WorkflowConfig#stages()}: on the wire a single-key object whose key is the stage type
 * ({@code send}, {@code delay}, {@code wait_event}, {@code update}, or a type this client does not know) and
 * whose value is that stage's spec.
 *
 * <p>The spec is kept as raw JSON, so values such as {@code "${amount}"} placeholders where the schema says
 * integer survive unchanged, and large numbers are never rounded. The typed accessors ({@link #send()},
 * {@link #delay()}, ...) decode it on demand and are empty when the stage has another type or a shape that
 * does not fit the typed record.
 *
 * @param type the stage type, the key of the single-key object
 * @param spec the stage's spec as raw JSON
 */
public record WorkflowStage(String type, JsonNode spec) {

    /** Type key of a send stage. */
    public static final String SEND = "send";
    /** Type key of a delay stage. */
    public static final String DELAY = "delay";
    /** Type key of a wait-event stage. */
    public static final String WAIT_EVENT = "wait_event";
    /** Type key of an update stage. */
    public static final String UPDATE = "update";

    public WorkflowStage {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("stage type must not be blank");
        }
        spec = spec == null ? JsonNodeFactory.instance.nullNode() : spec;
    }

    /** A stage of any type from raw JSON, the escape hatch for placeholders and new stage types. */
    public static WorkflowStage of(String type, JsonNode spec) {
        return new WorkflowStage(type, spec);
    }

    /** A {@code send} stage. */
    public static WorkflowStage send(StageSend send) {
        return new WorkflowStage(SEND, toTree(send));
    }

    /** A {@code delay} stage. */
    public static WorkflowStage delay(StageDelay delay) {
        return new WorkflowStage(DELAY, toTree(delay));
    }

    /** A {@code wait_event} stage waiting for the named event. */
    public static WorkflowStage waitEvent(String event) {
        return new WorkflowStage(WAIT_EVENT, toTree(new StageWaitEvent(event)));
    }

    /** An {@code update} stage. */
    public static WorkflowStage update(StageUpdate update) {
        return new WorkflowStage(UPDATE, toTree(update));
    }

    /** The typed spec of a {@code send} stage. */
    public Optional<StageSend> send() {
        return typed(SEND, StageSend.class);
    }

    /** The typed spec of a {@code delay} stage. */
    public Optional<StageDelay> delay() {
        return typed(DELAY, StageDelay.class);
    }

    /** The typed spec of a {@code wait_event} stage. */
    public Optional<StageWaitEvent> waitEvent() {
        return typed(WAIT_EVENT, StageWaitEvent.class);
    }

    /** The typed spec of an {@code update} stage. */
    public Optional<StageUpdate> update() {
        return typed(UPDATE, StageUpdate.class);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WorkflowStage fromJson(ObjectNode node) {
        if (node == null || node.size() != 1) {
            throw new IllegalArgumentException(
                    "a workflow stage must be an object with exactly one key (the stage type), got "
                            + (node == null ? "null" : node.size() + " keys"));
        }
        String key = node.propertyNames().iterator().next();
        return new WorkflowStage(key, node.get(key));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set(type, spec);
        return node;
    }

    private <T> Optional<T> typed(String expected, Class<T> target) {
        if (!expected.equals(type)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(OrchestrationJson.mapper().treeToValue(spec, target));
        }
        catch (JacksonException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static JsonNode toTree(Object value) {
        return OrchestrationJson.mapper().valueToTree(Objects.requireNonNull(value, "stage spec"));
    }
}
