package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code listTriggers}, {@code createTrigger}, {@code readTrigger}, {@code deleteTrigger},
 * {@code listTriggersOccurrences}.
 */
final class TriggerEndpoints {

    /** What V1 {@code listTriggers} returns without {@code pageSize}. */
    static final int DEFAULT_PAGE_SIZE = 15;
    /** The largest page; larger values are clamped. */
    static final int MAX_PAGE_SIZE = 100;

    private final Store store;
    private final Clock clock;

    TriggerEndpoints(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    HttpReply list(ApiRequest request) {
        String name = request.queryParam("name");
        if (name != null && !name.isEmpty()) {
            // The V1 name filter puts its bind placeholder inside a quoted literal, so Postgres always refuses it.
            throw ApiException.internal("sql: expected 0 arguments, got 1");
        }
        int pageSize = pageSize(request.queryParam("pageSize"));
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        synchronized (store) {
            store.triggers().stream()
                    .filter(trigger -> trigger.deletedAt == null)
                    .limit(pageSize)
                    .forEach(trigger -> data.add(WireRenderer.trigger(trigger)));
        }
        return HttpReply.data(200, data);
    }

    private static int pageSize(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        long size;
        try {
            size = Long.parseUnsignedLong(value);
        }
        catch (NumberFormatException ex) {
            throw ApiException.validation("invalid 'pageSize' query param: " + value);
        }
        if (size == 0) {
            return DEFAULT_PAGE_SIZE;
        }
        return (int) Math.min(size, MAX_PAGE_SIZE);
    }

    HttpReply create(ApiRequest request) {
        JsonNode body;
        try {
            body = request.jsonBody();
        }
        catch (ApiException ex) {
            // createTrigger answers every decoding error with 500 (handler_create_trigger.go).
            throw ApiException.internal(ex.getMessage());
        }
        TriggerRecord trigger = create(TriggerDefinitions.read(body));
        return HttpReply.data(201, WireRenderer.trigger(trigger));
    }

    TriggerRecord create(TriggerDefinitions.Definition definition) {
        synchronized (store) {
            WorkflowRecord workflow = store.workflow(definition.workflowId());
            if (workflow == null || workflow.deletedAt != null) {
                throw ApiException.notFound("workflow does not exists");
            }
            TriggerRecord trigger = new TriggerRecord(UUID.randomUUID().toString(), definition.name(),
                    definition.event(), definition.workflowId(), definition.filter(), definition.vars(),
                    definition.version(), Timestamps.now(clock));
            store.add(trigger);
            return trigger;
        }
    }

    HttpReply read(ApiRequest request) {
        return HttpReply.data(200, WireRenderer.trigger(live(request.pathParam("triggerID"))));
    }

    HttpReply delete(ApiRequest request) {
        synchronized (store) {
            live(request.pathParam("triggerID")).deletedAt = Timestamps.now(clock);
        }
        return HttpReply.empty(204);
    }

    HttpReply occurrences(ApiRequest request) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        synchronized (store) {
            for (OccurrenceRecord occurrence : store.occurrences(request.pathParam("triggerID"))) {
                InstanceRecord instance = occurrence.instanceId() == null ? null
                        : store.instance(occurrence.instanceId());
                data.add(WireRenderer.occurrence(occurrence, instance));
            }
        }
        return HttpReply.data(200, data);
    }

    private TriggerRecord live(String id) {
        TriggerRecord trigger = store.trigger(id);
        if (trigger == null || trigger.deletedAt != null) {
            throw ApiException.notFound("trigger not found");
        }
        return trigger;
    }
}
