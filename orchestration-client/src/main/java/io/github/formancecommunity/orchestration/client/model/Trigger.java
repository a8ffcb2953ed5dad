package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A trigger (spec schema {@code Trigger}, the {@code allOf} of {@code TriggerData} and {@code id}/{@code createdAt},
 * flattened).
 *
 * @param id         the trigger id
 * @param event      the event type it fires on
 * @param workflowID the workflow it runs
 * @param version    the event version it matches
 * @param filter     its expr-lang filter
 * @param vars       its variables; raw JSON, since older servers stored non-string values
 * @param name       its name
 * @param createdAt  when it was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String id, String event, String workflowID, @Nullable String version, @Nullable String filter,
        @Nullable JsonNode vars, @Nullable String name, @RfcTime OffsetDateTime createdAt) {
}
