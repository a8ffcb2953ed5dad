package io.github.formancecommunity.orchestration.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code createTrigger} (spec schema {@code TriggerData}).
 *
 * <p>{@code vars} values are strings: the spec allows any value, but the server only accepts string
 * expressions and answers 500 otherwise.
 *
 * @param event      the event type that fires the trigger (required)
 * @param workflowID the workflow to run (required)
 * @param version    the event version to match
 * @param filter     an expr-lang filter on the event
 * @param vars       variables of the run, as expr-lang expressions on the event
 * @param name       a name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerData(String event, String workflowID, @Nullable String version, @Nullable String filter,
        @Nullable Map<String, String> vars, @Nullable String name) {

    public TriggerData {
        vars = vars == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** The two required fields only. */
    public static TriggerData of(String event, String workflowId) {
        return new TriggerData(Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(workflowId, "workflowId"), null, null, null, null);
    }

    /** A copy with the given name. */
    public TriggerData withName(String newName) {
        return new TriggerData(event, workflowID, version, filter, vars, newName);
    }

    /** A copy with the given filter. */
    public TriggerData withFilter(String newFilter) {
        return new TriggerData(event, workflowID, version, newFilter, vars, name);
    }

    /** A copy with the given variables. */
    public TriggerData withVars(Map<String, String> newVars) {
        return new TriggerData(event, workflowID, version, filter, newVars, name);
    }

    /** A copy with the given event version. */
    public TriggerData withVersion(String newVersion) {
        return new TriggerData(event, workflowID, newVersion, filter, vars, name);
    }
}
