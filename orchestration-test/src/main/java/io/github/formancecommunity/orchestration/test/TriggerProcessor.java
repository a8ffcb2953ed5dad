package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers an emitted event to the triggers, as the real server's event listener does: every live trigger whose
 * {@code event} equals the event type (and whose {@code version}, when set, equals the event version) and whose
 * filter is {@code true} for the payload fires once. A firing evaluates the trigger's variables and starts an
 * instance with them; when that fails, the occurrence carries the error and no instance.
 */
final class TriggerProcessor {

    /** The {@code app} of emitted event messages. */
    static final String APP = "embedded-orchestration";

    /** Event types whose triggers fire once per {@code payload.id} (flows' listener.go). */
    static final java.util.Set<String> DEDUPLICATED_TYPES = java.util.Set.of("SAVED_PAYMENT", "SAVED_ACCOUNT");

    private final Store store;
    private final InstanceEngine engine;
    private final Clock clock;

    TriggerProcessor(Store store, InstanceEngine engine, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
    }

    List<OccurrenceRecord> emit(String type, String version, JsonNode payload) {
        Instant now = Timestamps.now(clock);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("date", Timestamps.format(now));
        message.put("app", APP);
        message.put("version", version);
        message.put("type", type);
        message.set("payload", payload.deepCopy());

        List<TriggerRecord> matched = new ArrayList<>();
        for (TriggerRecord trigger : store.triggers()) {
            if (trigger.deletedAt != null || !trigger.event.equals(type)
                    || (trigger.version != null && !trigger.version.isEmpty() && !trigger.version.equals(version))) {
                continue;
            }
            if (trigger.filter != null && !trigger.filter.isEmpty()
                    && !TriggerExpression.compile(trigger.filter).matches(payload)) {
                continue;
            }
            matched.add(trigger);
        }
        List<OccurrenceRecord> fired = new ArrayList<>();
        if (matched.isEmpty()) {
            return fired;
        }
        String objectId = objectId(type, payload);
        if (objectId == null && DEDUPLICATED_TYPES.contains(type)) {
            // The real listener fails on the message (and the broker redelivers it): no trigger fires.
            return fired;
        }
        for (TriggerRecord trigger : matched) {
            if (objectId != null && !store.claimTriggerRun(trigger.id + "-" + objectId)) {
                continue;
            }
            OccurrenceRecord occurrence = fire(trigger, message, payload, now);
            store.add(occurrence);
            fired.add(occurrence);
        }
        return fired;
    }

    /**
     * The {@code payload.id} of the event types the real listener deduplicates ({@code ""} when absent), or
     * {@code null} for other types and for an id that is not a string (which the real listener cannot decode).
     */
    private static String objectId(String type, JsonNode payload) {
        if (!DEDUPLICATED_TYPES.contains(type)) {
            return null;
        }
        if (!payload.isObject()) {
            return payload.isNull() ? "" : null;
        }
        JsonNode id = payload.get("id");
        if (id == null || id.isNull()) {
            return "";
        }
        return id.isString() ? id.asString() : null;
    }

    private OccurrenceRecord fire(TriggerRecord trigger, ObjectNode message, JsonNode payload, Instant now) {
        String id = UUID.randomUUID().toString();
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            if (trigger.vars != null) {
                for (Map.Entry<String, String> entry : trigger.vars.entrySet()) {
                    variables.put(entry.getKey(),
                            TriggerExpression.compile(entry.getValue()).evaluateToString(payload));
                }
            }
        }
        catch (IllegalStateException | IllegalArgumentException ex) {
            return new OccurrenceRecord(id, trigger.id, now, message, null, ex.getMessage());
        }
        WorkflowRecord workflow = store.workflow(trigger.workflowId);
        if (workflow == null) {
            return new OccurrenceRecord(id, trigger.id, now, message, null, "workflow does not exists");
        }
        InstanceEngine.Started started = engine.start(workflow, variables);
        return new OccurrenceRecord(id, trigger.id, now, message, started.record().id, null);
    }
}
