package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A stored workflow. Mutable only through {@link Store}, under its lock. */
final class WorkflowRecord {

    final String id;
    final String name;
    /** The stages as received: an array of single-key objects, or JSON {@code null} when they were omitted. */
    final JsonNode stages;
    final Instant createdAt;
    Instant deletedAt;

    WorkflowRecord(String id, String name, JsonNode stages, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.stages = stages;
        this.createdAt = createdAt;
    }

    List<ObjectNode> stageList() {
        List<ObjectNode> list = new ArrayList<>();
        if (stages != null && stages.isArray()) {
            stages.forEach(stage -> list.add((ObjectNode) stage));
        }
        return list;
    }
}
