package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * One entry of an instance's history: a stage that started (spec schema {@code WorkflowInstanceHistory}).
 *
 * <p>The spec types {@code input} as {@code Stage}, an {@code anyOf} without discriminator whose members overlap;
 * it is resolved here by {@link #name()} ({@code RunSend}, {@code RunDelay}, {@code RunWaitEvent},
 * {@code RunUpdate}), reading the stage records without a JSON mapper. The raw JSON is always available through
 * {@link #input()}.
 *
 * @param name         the stage's run name, e.g. {@code RunSend}
 * @param input        the stage's resolved input as raw JSON
 * @param error        the failure, {@code null} when none
 * @param terminated   whether the stage has ended
 * @param startedAt    when it started
 * @param terminatedAt when it ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstanceHistory(String name, JsonNode input, @Nullable String error, boolean terminated,
        @RfcTime OffsetDateTime startedAt, @RfcTime @Nullable OffsetDateTime terminatedAt) {

    /** The input of a {@code RunSend} entry. */
    public Optional<StageSend> sendInput() {
        return typed("RunSend", StageSend::fromJson);
    }

    /** The input of a {@code RunDelay} entry. */
    public Optional<StageDelay> delayInput() {
        return typed("RunDelay", StageDelay::fromJson);
    }

    /** The input of a {@code RunWaitEvent} entry. */
    public Optional<StageWaitEvent> waitEventInput() {
        return typed("RunWaitEvent", StageWaitEvent::fromJson);
    }

    /** The input of a {@code RunUpdate} entry. */
    public Optional<StageUpdate> updateInput() {
        return typed("RunUpdate", StageUpdate::fromJson);
    }

    private <T> Optional<T> typed(String expectedName, Function<JsonNode, @Nullable T> reader) {
        return expectedName.equals(name) ? WorkflowStage.read(input, reader) : Optional.empty();
    }
}
