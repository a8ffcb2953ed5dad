package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** An instance history entry (the stage's child workflow) with the stage history (its activities). */
final class HistoryRecord {

    final String name;
    final JsonNode input;
    final Instant startedAt;
    final List<ActivityRecord> activities = new ArrayList<>();
    Instant terminatedAt;
    String error;

    HistoryRecord(String name, JsonNode input, Instant startedAt) {
        this.name = name;
        this.input = input;
        this.startedAt = startedAt;
    }
}
