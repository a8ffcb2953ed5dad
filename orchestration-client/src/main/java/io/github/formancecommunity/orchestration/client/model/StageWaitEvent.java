package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code wait_event} stage, the spec schema {@code StageWaitEvent}: blocks until an event of that name is sent.
 *
 * @param event the event name, matched by the {@code name} of {@code sendEvent}; may hold a placeholder
 */
public record StageWaitEvent(@Nullable String event) {

    /** A wait for the named event. */
    public static StageWaitEvent of(String event) {
        return new StageWaitEvent(event);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageWaitEvent fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "wait_event");
        return object == null ? null : new StageWaitEvent(StageJson.string(object, "event"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "event", event);
        return node;
    }
}
