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

        List<OccurrenceRecord> fired = new ArrayList<>();
        for (TriggerRecord trigger : store.triggers()) {
            if (trigger.deletedAt != null || !trigger.event.equals(type)
                    || (trigger.version != null && !trigger.version.isEmpty() && !trigger.version.equals(version))) {
                continue;
            }
            if (trigger.filter != null && !trigger.filter.isEmpty()
                    && !TriggerExpression.compile(trigger.filter).matches(payload)) {
                continue;
            }
            OccurrenceRecord occurrence = fire(trigger, message, payload, now);
            store.add(occurrence);
            fired.add(occurrence);
        }
        return fired;
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
            return new OccurrenceRecord(id, trigger.id, now, message, null, "workflow does not exist");
        }
        InstanceEngine.Started started = engine.start(workflow, variables);
        return new OccurrenceRecord(id, trigger.id, now, message, started.record().id, null);
    }
}
