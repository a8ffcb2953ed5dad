package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered workflow (spec schema {@code Workflow}).
 *
 * @param id        the workflow id
 * @param config    its name and stages
 * @param createdAt when it was created
 * @param updatedAt when it was last updated (the server never changes it after creation)
 * @param deletedAt when it was soft-deleted; {@code null} while it is live (a wire field absent from the spec)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workflow(String id, WorkflowConfig config, @RfcTime OffsetDateTime createdAt,
        @RfcTime OffsetDateTime updatedAt, @RfcTime @Nullable OffsetDateTime deletedAt) {

    /** Whether the server reports the workflow as deleted. */
    @JsonIgnore
    public boolean isDeleted() {
        return deletedAt != null;
    }
}
