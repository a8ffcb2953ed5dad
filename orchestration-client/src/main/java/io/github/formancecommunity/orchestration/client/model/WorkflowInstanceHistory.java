package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One entry of an instance's history: a stage that started (spec schema {@code WorkflowInstanceHistory}).
 *
 * <p>The spec types {@code input} as {@code Stage}, an {@code anyOf} without discriminator whose members overlap;
 * it is resolved here by {@link #name()} ({@code RunSend}, {@code RunDelay}, {@code RunWaitEvent},
 * {@code RunUpdate}). The raw JSON is always available through {@link #input()}.
 *
 * @param name         the stage's run name, e.g. {@code RunSend}
 * @param input        the stage's resolved input as raw JSON
 * @param error        the failure, {@code null} when none
 * @param terminated   whether the stage has ended
 * @param startedAt    when it started
 * @param terminatedAt when it ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstanceHistory(String name, JsonNode input, String error, boolean terminated,
        OffsetDateTime startedAt, OffsetDateTime terminatedAt) {

    /** The input of a {@code RunSend} entry. */
    public Optional<StageSend> sendInput() {
        return typed("RunSend", StageSend.class);
    }

    /** The input of a {@code RunDelay} entry. */
    public Optional<StageDelay> delayInput() {
        return typed("RunDelay", StageDelay.class);
    }

    /** The input of a {@code RunWaitEvent} entry. */
    public Optional<StageWaitEvent> waitEventInput() {
        return typed("RunWaitEvent", StageWaitEvent.class);
    }

    /** The input of a {@code RunUpdate} entry. */
    public Optional<StageUpdate> updateInput() {
        return typed("RunUpdate", StageUpdate.class);
    }

    private <T> Optional<T> typed(String expectedName, Class<T> target) {
        if (!expectedName.equals(name) || input == null || input.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(OrchestrationJson.mapper().treeToValue(input, target));
        }
        catch (JacksonException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
