package io.github.formancecommunity.orchestration.test;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One finished activity of a stage.
 *
 * @param name         the activity name, e.g. {@code CreateTransaction}
 * @param input        {@code {"<name>": {...}}}
 * @param output       {@code {"<name>": {...}}} or {@code null} when the activity has no result
 * @param startedAt    when it started
 * @param terminatedAt when it ended
 */
record ActivityRecord(String name, JsonNode input, JsonNode output, Instant startedAt, Instant terminatedAt) {
}
