package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A {@link WorkflowStage} that is not a single-key object: zero or several keys, or not an object at all. The
 * spec types a stage as any object, so a client must read it; the real server refuses such a stage when a
 * workflow is created, so it only appears in data the server did not check. It keeps the JSON as it came, and
 * the stage writes it back unchanged.
 *
 * @param raw the stage as it came
 */
public record UnrecognisedStage(JsonNode raw) {

    public UnrecognisedStage {
        Objects.requireNonNull(raw, "raw");
    }

    /** How many keys the stage object has, {@code -1} when it is not an object. */
    public int keyCount() {
        return raw.isObject() ? raw.size() : -1;
    }
}
