package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A run of a workflow (spec schema {@code WorkflowInstance}).
 *
 * @param workflowID   the workflow it runs
 * @param workflow     the workflow, when the server embeds it ({@code getInstance}, {@code listInstances})
 * @param id           the instance id
 * @param createdAt    when it was created
 * @param updatedAt    the server sets it to {@code createdAt} and never changes it
 * @param terminated   whether it has ended
 * @param terminatedAt when it ended
 * @param status       one entry per started stage; empty when the server sends none
 * @param error        the failure of the run, {@code null} when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstance(String workflowID, @Nullable Workflow workflow, String id,
        @RfcTime OffsetDateTime createdAt, @RfcTime OffsetDateTime updatedAt, boolean terminated,
        @RfcTime @Nullable OffsetDateTime terminatedAt,
        @JsonProperty("status") List<StageStatus> status, @Nullable String error) {

    public WorkflowInstance {
        status = status == null ? List.of() : List.copyOf(status);
    }

    /** Whether the run ended with an error, on the instance or on one of its stages. */
    @JsonIgnore
    public boolean isFailed() {
        return error != null || status.stream().anyMatch(s -> s.error() != null);
    }
}
