package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One activity of a stage (spec schema {@code WorkflowInstanceHistoryStage}).
 *
 * <p>{@code input} and {@code output} are single-key objects keyed by the activity name. They are kept as raw
 * JSON because the wire differs from the spec (capitalised {@code Ledger}/{@code Data}, a CreateTransaction
 * output that is an array with {@code txid}, amounts in exponent notation); {@link #typedInput()} and
 * {@link #typedOutput()} decode them leniently.
 *
 * @param name          the activity name, e.g. {@code CreateTransaction}
 * @param input         the activity input, raw
 * @param output        the activity output, raw; {@code null} until it has one
 * @param error         the failure, {@code null} when none
 * @param terminated    whether the activity has ended
 * @param startedAt     when it started
 * @param terminatedAt  when it ended
 * @param lastFailure   the last failure of a retried attempt
 * @param attempt       the attempt number
 * @param nextExecution when the next attempt runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstanceHistoryStage(String name, JsonNode input, JsonNode output, String error,
        boolean terminated, OffsetDateTime startedAt, OffsetDateTime terminatedAt, String lastFailure,
        Integer attempt, OffsetDateTime nextExecution) {

    /** The input decoded into the spec's activity holder; empty when it does not fit. */
    public Optional<WorkflowInstanceHistoryStageInput> typedInput() {
        return typed(input, WorkflowInstanceHistoryStageInput.class);
    }

    /** The output decoded into the spec's activity holder; empty when absent or when it does not fit. */
    public Optional<WorkflowInstanceHistoryStageOutput> typedOutput() {
        return typed(output, WorkflowInstanceHistoryStageOutput.class);
    }

    private static <T> Optional<T> typed(JsonNode node, Class<T> target) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(OrchestrationJson.mapper().treeToValue(node, target));
        }
        catch (JacksonException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
