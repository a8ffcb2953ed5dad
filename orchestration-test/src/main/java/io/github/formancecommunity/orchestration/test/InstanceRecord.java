package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** A stored workflow instance and its run state. Mutable only under the {@link Store} lock. */
final class InstanceRecord {

    final String id;
    final String workflowId;
    /** The run id of {@code <id>-main}, the same for every stage row. */
    final String runId;
    final Instant createdAt;
    final Map<String, String> variables;
    /** One row per started stage, in order. */
    final List<StageRecord> stages = new ArrayList<>();
    /** Completed when the instance terminates, whatever the outcome. */
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Instant terminatedAt;
    String error;
    int nextStage;
    /** The event the running {@code wait_event} stage waits for, {@code null} otherwise. */
    String awaitedEvent;
    /** The timer of the running {@code delay} stage, {@code null} otherwise. */
    ScheduledFuture<?> pendingDelay;

    InstanceRecord(String id, String workflowId, String runId, Instant createdAt, Map<String, String> variables) {
        this.id = id;
        this.workflowId = workflowId;
        this.runId = runId;
        this.createdAt = createdAt;
        this.variables = Map.copyOf(variables);
    }

    boolean isTerminated() {
        return terminatedAt != null;
    }

    StageRecord currentStage() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    StageRecord stage(int number) {
        return number >= 0 && number < stages.size() ? stages.get(number) : null;
    }
}
