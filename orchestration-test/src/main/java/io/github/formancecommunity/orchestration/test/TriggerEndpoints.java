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
            offset = cursorNumber(query, "offset");
            long size = cursorNumber(query, "pageSize");
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

    /**
     * A bunpaginate cursor: base64url without padding ({@code base64.RawURLEncoding}) of the JSON query, with its
     * offset and page size. Any decoding failure is go-libs' {@code invalid 'cursor' query param}.
     */
    private static JsonNode decodeCursor(String cursor) {
        ApiException invalid = ApiException.validation("invalid 'cursor' query param");
        if (cursor.indexOf('=') >= 0) {
            throw invalid;
        }
        JsonNode query;
        try {
            query = RequestBodies.readSingleJson(java.util.Base64.getUrlDecoder().decode(cursor));
        }
        catch (IllegalArgumentException | ApiException ex) {
            throw invalid;
        }
        if (!query.isObject() && !query.isNull()) {
            throw invalid;
        }
        return query;
    }

    /** A {@code uint64} field of the cursor's query: absent or {@code null} is 0, anything but a natural number fails. */
    private static long cursorNumber(JsonNode query, String name) {
        JsonNode value = query.isObject() ? WorkflowDefinitions.goField(query, name) : null;
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw ApiException.validation("invalid 'cursor' query param");
        }
        return value.asLong();
    }

    /** go-libs {@code bunpaginate.GetPageSize}: {@code strconv.ParseUint(value, 10, 32)}, 0 is the default. */
    private static int pageSize(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        long size;
        try {
            size = Long.parseUnsignedLong(value);
        }
        catch (NumberFormatException ex) {
            size = -1;
        }
        if (size < 0 || size > 0xFFFF_FFFFL || value.startsWith("+")) {
            throw ApiException.validation("invalid 'pageSize' query param");
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
                    definition.version(), Timestamps.roundedToMicros(Timestamps.exact(clock)));
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
