package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One activity of a stage (spec schema {@code WorkflowInstanceHistoryStage}).
 *
 * <p>{@code input} and {@code output} are single-key objects keyed by the activity name. They are kept as raw
 * JSON because the wire differs from the spec (capitalised {@code Ledger}/{@code Data}, a CreateTransaction
 * output that is an array with {@code txid}, amounts in exponent notation). {@link #typedInput()} and
 * {@link #typedOutput()} are read leniently when the response is decoded, with the mapper that decodes it (so
 * with the client's mapper); an instance made with the constructor has no typed views.
 *
 * <p>The spec types {@code attempt} as an unbounded integer: {@link #attemptNumber()} holds it exactly and
 * {@link #attempt()} clamps it to the {@code int} range.
 */
public final class WorkflowInstanceHistoryStage {

    private final Wire wire;
    private final @Nullable WorkflowInstanceHistoryStageInput typedInput;
    private final @Nullable WorkflowInstanceHistoryStageOutput typedOutput;

    /**
     * An activity entry without typed views.
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
    public WorkflowInstanceHistoryStage(String name, JsonNode input, @Nullable JsonNode output, @Nullable String error,
            boolean terminated, OffsetDateTime startedAt, @Nullable OffsetDateTime terminatedAt,
            @Nullable String lastFailure, @Nullable Integer attempt, @Nullable OffsetDateTime nextExecution) {
        this(new Wire(name, input, output, error, terminated, startedAt, terminatedAt, lastFailure,
                attempt == null ? null : BigInteger.valueOf(attempt), nextExecution), null, null);
    }

    private WorkflowInstanceHistoryStage(Wire wire, @Nullable WorkflowInstanceHistoryStageInput typedInput,
            @Nullable WorkflowInstanceHistoryStageOutput typedOutput) {
        this.wire = wire;
        this.typedInput = typedInput;
        this.typedOutput = typedOutput;
    }

    /** The activity name, e.g. {@code CreateTransaction}. */
    public String name() {
        return wire.name();
    }

    /** The activity input, raw. */
    public JsonNode input() {
        return wire.input();
    }

    /** The activity output, raw; {@code null} until it has one. */
    public @Nullable JsonNode output() {
        return wire.output();
    }

    /** The failure, {@code null} when none. */
    public @Nullable String error() {
        return wire.error();
    }

    /** Whether the activity has ended. */
    public boolean terminated() {
        return wire.terminated();
    }

    /** When it started. */
    public OffsetDateTime startedAt() {
        return wire.startedAt();
    }

    /** When it ended. */
    public @Nullable OffsetDateTime terminatedAt() {
        return wire.terminatedAt();
    }

    /** The last failure of a retried attempt. */
    public @Nullable String lastFailure() {
        return wire.lastFailure();
    }

    /** The attempt number, clamped to the {@code int} range; {@code null} when absent. */
    public @Nullable Integer attempt() {
        BigInteger attempt = wire.attempt();
        if (attempt == null) {
            return null;
        }
        return attempt.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE))
                .intValue();
    }

    /** The attempt number as sent; {@code null} when absent. */
    public @Nullable BigInteger attemptNumber() {
        return wire.attempt();
    }

    /** When the next attempt runs. */
    public @Nullable OffsetDateTime nextExecution() {
        return wire.nextExecution();
    }

    /** The input decoded into the spec's activity holder; empty when it does not fit. */
    public Optional<WorkflowInstanceHistoryStageInput> typedInput() {
        return Optional.ofNullable(typedInput);
    }

    /** The output decoded into the spec's activity holder; empty when absent or when it does not fit. */
    public Optional<WorkflowInstanceHistoryStageOutput> typedOutput() {
        return Optional.ofNullable(typedOutput);
    }

    @JsonValue
    Wire wire() {
        return wire;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WorkflowInstanceHistoryStage that && wire.equals(that.wire);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wire);
    }

    @Override
    public String toString() {
        return "WorkflowInstanceHistoryStage" + wire.toString().substring("Wire".length());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WorkflowInstanceHistoryStage fromJson(Read read) {
        return new WorkflowInstanceHistoryStage(read.plain(),
                read.input() == null ? null : read.input().view(WorkflowInstanceHistoryStageInput.class),
                read.output() == null ? null : read.output().view(WorkflowInstanceHistoryStageOutput.class));
    }

    /** The fields as they are on the wire. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Wire(String name, JsonNode input, @Nullable JsonNode output, @Nullable String error, boolean terminated,
            @RfcTime OffsetDateTime startedAt, @RfcTime @Nullable OffsetDateTime terminatedAt,
            @Nullable String lastFailure, @Nullable BigInteger attempt,
            @RfcTime @Nullable OffsetDateTime nextExecution) {
    }

    /** The wire fields as read, with the activity input and output read both raw and typed. */
    record Read(String name,
            @JsonDeserialize(using = ActivityJson.InputDeserializer.class) @Nullable ActivityJson input,
            @JsonDeserialize(using = ActivityJson.OutputDeserializer.class) @Nullable ActivityJson output,
            @Nullable String error, boolean terminated, @RfcTime OffsetDateTime startedAt,
            @RfcTime @Nullable OffsetDateTime terminatedAt, @Nullable String lastFailure, @Nullable BigInteger attempt,
            @RfcTime @Nullable OffsetDateTime nextExecution) {

        Wire plain() {
            return new Wire(name, input == null ? null : input.raw(), output == null ? null : output.raw(), error,
                    terminated, startedAt, terminatedAt, lastFailure, attempt, nextExecution);
        }
    }
}
