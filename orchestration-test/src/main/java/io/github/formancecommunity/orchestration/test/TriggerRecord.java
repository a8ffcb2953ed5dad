package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.Map;

/** A stored trigger; {@code deletedAt} is set by a soft delete. */
final class TriggerRecord {

    final String id;
    final String name;
    final String event;
    final String workflowId;
    final String filter;
    final Map<String, String> vars;
    final String version;
    final Instant createdAt;
    Instant deletedAt;

    TriggerRecord(String id, String name, String event, String workflowId, String filter, Map<String, String> vars,
            String version, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.event = event;
        this.workflowId = workflowId;
        this.filter = filter;
        this.vars = vars;
        this.version = version;
        this.createdAt = createdAt;
    }
}
