package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * One firing of a trigger (spec schema {@code TriggerOccurrence}).
 *
 * @param triggerID          the trigger
 * @param date               when it fired
 * @param event              the event payload, raw (large numbers kept exact)
 * @param workflowInstanceID the instance it started, {@code null} when it failed
 * @param workflowInstance   that instance, when embedded
 * @param error              why it did not start an instance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerOccurrence(String triggerID, @RfcTime OffsetDateTime date, JsonNode event,
        @Nullable String workflowInstanceID, @Nullable WorkflowInstance workflowInstance, @Nullable String error) {
}
