package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
 * {@link #delay()}, ...) read it into the stage records, placeholders included, without any JSON mapper; they
 * are empty when the stage has another type or a shape that does not fit the typed record.
 *
 * <p>An element that is not a single-key object (the spec allows any object) is an
 * {@linkplain #unrecognised() unrecognised stage}: its {@link #type()} is {@code null}, {@link #spec()} holds
 * the whole element, and it is written back unchanged.
 *
 * @param type the stage type, the key of the single-key object; {@code null} for an unrecognised stage
 * @param spec the stage's spec as raw JSON; the whole element for an unrecognised stage
 */
public record WorkflowStage(@Nullable String type, JsonNode spec) {

    /** Type key of a send stage. */
    public static final String SEND = "send";
    /** Type key of a delay stage. */
    public static final String DELAY = "delay";
    /** Type key of a wait-event stage. */
    public static final String WAIT_EVENT = "wait_event";
    /** Type key of an update stage. */
    public static final String UPDATE = "update";

    public WorkflowStage {
        spec = spec == null ? JsonNodeFactory.instance.nullNode() : spec;
    }

    /**
     * A stage of any type from raw JSON, the escape hatch for new stage types. The type must not be blank
     * (the server knows no such stage); a stage read from a response may have any key.
     */
    public static WorkflowStage of(String type, @Nullable JsonNode spec) {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("stage type must not be blank");
        }
        return new WorkflowStage(type, spec);
    }

    /** A stage kept as it came, whatever its shape: what reading a response does with a non-single-key element. */
    public static WorkflowStage unrecognised(JsonNode raw) {
        return new WorkflowStage(null, Objects.requireNonNull(raw, "raw"));
    }

    /** A {@code send} stage. */
    public static WorkflowStage send(StageSend send) {
        return new WorkflowStage(SEND, Objects.requireNonNull(send, "stage spec").toJson());
    }

    /** A {@code delay} stage. */
    public static WorkflowStage delay(StageDelay delay) {
        return new WorkflowStage(DELAY, Objects.requireNonNull(delay, "stage spec").toJson());
    }

    /** A {@code wait_event} stage waiting for the named event. */
    public static WorkflowStage waitEvent(String event) {
        return new WorkflowStage(WAIT_EVENT, new StageWaitEvent(event).toJson());
    }

    /** An {@code update} stage. */
    public static WorkflowStage update(StageUpdate update) {
        return new WorkflowStage(UPDATE, Objects.requireNonNull(update, "stage spec").toJson());
    }

    /** Whether the element was not a single-key object. */
    public boolean isUnrecognised() {
        return type == null;
    }

    /** The element as it came when it was not a single-key object. */
    public Optional<UnrecognisedStage> unrecognised() {
        return type == null ? Optional.of(new UnrecognisedStage(spec)) : Optional.empty();
    }

    /** The typed spec of a {@code send} stage. */
    public Optional<StageSend> send() {
        return typed(SEND, StageSend::fromJson);
    }

    /** The typed spec of a {@code delay} stage. */
    public Optional<StageDelay> delay() {
        return typed(DELAY, StageDelay::fromJson);
    }

    /** The typed spec of a {@code wait_event} stage. */
    public Optional<StageWaitEvent> waitEvent() {
        return typed(WAIT_EVENT, StageWaitEvent::fromJson);
    }

    /** The typed spec of an {@code update} stage. */
    public Optional<StageUpdate> update() {
        return typed(UPDATE, StageUpdate::fromJson);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WorkflowStage fromJson(@Nullable JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1) {
            String key = node.propertyNames().iterator().next();
            return new WorkflowStage(key, node.get(key));
        }
        return unrecognised(node == null ? JsonNodeFactory.instance.nullNode() : node);
    }

    @JsonValue
    JsonNode toJson() {
        if (type == null) {
            return spec;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set(type, spec);
        return node;
    }

    private <T> Optional<T> typed(String expected, Function<JsonNode, @Nullable T> reader) {
        return expected.equals(type) ? read(spec, reader) : Optional.empty();
    }

    /** Reads a stage record, empty when the JSON does not fit it. */
    static <T> Optional<T> read(@Nullable JsonNode json, Function<JsonNode, @Nullable T> reader) {
        if (json == null || json.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reader.apply(json));
        }
        catch (RuntimeException ex) {
            return Optional.empty();
        }
    }
}
