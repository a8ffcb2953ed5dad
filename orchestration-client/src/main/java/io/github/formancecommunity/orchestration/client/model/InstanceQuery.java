package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The optional filters of {@code listInstances}.
 *
 * @param workflowId only instances of this workflow (exact match); {@code null} for all
 * @param running    {@code true} for running instances only; {@code null} or {@code false} for all
 */
public record InstanceQuery(@Nullable String workflowId, @Nullable Boolean running) {

    private static final InstanceQuery ALL = new InstanceQuery(null, null);

    /** No filter. */
    public static InstanceQuery all() {
        return ALL;
    }

    /** Instances of one workflow. */
    public static InstanceQuery ofWorkflow(String workflowId) {
        return new InstanceQuery(workflowId, null);
    }

    /** A copy that keeps running instances only. */
    public InstanceQuery runningOnly() {
        return new InstanceQuery(workflowId, Boolean.TRUE);
    }
}
