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
        String cursor = request.queryParam("cursor");
        long offset = 0;
        int pageSize;
        if (cursor != null && !cursor.isEmpty()) {
            JsonNode query = decodeCursor(cursor);
            offset = Math.max(0, query.path("offset").asLong(0));
            long size = query.path("pageSize").asLong(0);
            pageSize = size <= 0 ? DEFAULT_PAGE_SIZE : (int) Math.min(size, MAX_PAGE_SIZE);
        }
        else {
            pageSize = pageSize(request.queryParam("pageSize"));
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        synchronized (store) {
            store.triggers().stream()
                    .filter(trigger -> trigger.deletedAt == null)
                    .skip(offset)
                    .limit(pageSize)
                    .forEach(trigger -> data.add(WireRenderer.trigger(trigger)));
        }
        return HttpReply.data(200, data);
    }

    /** A bunpaginate cursor: base64url (no padding) of the JSON query, with its offset and page size. */
    private static JsonNode decodeCursor(String cursor) {
        byte[] json;
        try {
            json = java.util.Base64.getUrlDecoder().decode(cursor);
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.validation("invalid 'cursor' query param: illegal base64 data");
        }
        try {
            JsonNode query = RequestBodies.readJson(json);
            if (!query.isObject()) {
                throw ApiException.validation("invalid 'cursor' query param: json: cannot unmarshal "
                        + WorkflowDefinitions.jsonType(query) + " into Go value of type triggers.ListTriggersQuery");
            }
            return query;
        }
        catch (ApiException ex) {
            if (ex.getMessage().startsWith("invalid 'cursor'")) {
                throw ex;
            }
            throw ApiException.validation("invalid 'cursor' query param: " + ex.getMessage());
        }
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
            throw ApiException.notFound(WorkflowEndpoints.NO_ROWS);
        }
        return trigger;
    }
}
