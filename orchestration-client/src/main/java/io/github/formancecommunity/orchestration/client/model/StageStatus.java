package io.github.formancecommunity.orchestration.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The state of one started stage of an instance (spec schema {@code StageStatus}).
 *
 * @param stage         the stage index, 0-based (the spec types it {@code number}; {@code 0} and {@code 0.0} are
 *                      both accepted)
 * @param instanceID    the instance id
 * @param temporalRunID the Temporal run id (a wire field absent from the spec)
 * @param startedAt     when the stage started
 * @param terminatedAt  when it ended, {@code null} while running
 * @param error         the failure, {@code null} when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageStatus(@Nullable BigDecimal stage, String instanceID, @Nullable String temporalRunID,
        @RfcTime OffsetDateTime startedAt, @RfcTime @Nullable OffsetDateTime terminatedAt, @Nullable String error) {

    /** The stage index as an int. */
    public int stageNumber() {
        return stage == null ? -1 : stage.intValue();
    }

    /** Whether the stage has ended. */
    @JsonIgnore
    public boolean isTerminated() {
        return terminatedAt != null;
    }
}
