package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * The input or output of an activity entry as it came, with its typed view read by the same deserialization
 * context (so by the mapper that decodes the response). A view that does not fit is left out, never a failure.
 *
 * @param raw   the JSON as it came
 * @param views the typed views that fit, by type
 */
record ActivityJson(JsonNode raw, Map<Class<?>, Object> views) {

    <T> @Nullable T view(Class<T> type) {
        return type.cast(views.get(type));
    }

    /** Reads an activity input. */
    static final class InputDeserializer extends Deserializer {
        InputDeserializer() {
            super(WorkflowInstanceHistoryStageInput.class);
        }
    }

    /** Reads an activity output. */
    static final class OutputDeserializer extends Deserializer {
        OutputDeserializer() {
            super(WorkflowInstanceHistoryStageOutput.class);
        }
    }

    /** Reads the raw JSON, then the activity holder from it. */
    abstract static class Deserializer extends StdDeserializer<ActivityJson> {

        private final Class<?> viewType;

        Deserializer(Class<?> viewType) {
            super(ActivityJson.class);
            this.viewType = viewType;
        }

        @Override
        public ActivityJson deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode raw = ctxt.readTree(p);
            if (raw == null || !raw.isObject()) {
                return new ActivityJson(raw, Map.of());
            }
            Map<Class<?>, Object> views = new java.util.HashMap<>(2);
            read(ctxt, raw, viewType, views);
            return new ActivityJson(raw, views);
        }

        @Override
        public @Nullable ActivityJson getNullValue(DeserializationContext ctxt) {
            return null;
        }

        private static void read(DeserializationContext ctxt, JsonNode raw, Class<?> type, Map<Class<?>, Object> into) {
            try {
                Object view = ctxt.readTreeAsValue(raw, type);
                if (view != null) {
                    into.put(type, view);
                }
            }
            catch (RuntimeException ex) {
                // the raw JSON stays reachable; the typed view is left out
            }
        }
    }
}
