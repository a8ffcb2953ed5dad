package io.github.formancecommunity.orchestration.sample;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.model.CreateTransactionResponse;
import io.github.formancecommunity.orchestration.client.model.Posting;
import io.github.formancecommunity.orchestration.client.model.StageStatus;
import io.github.formancecommunity.orchestration.client.model.Transaction;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStageOutput;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/** Short, readable summaries of API results for the report's "result" column. */
final class Describe {

    private static final int SHORT_ID = 8;

    private Describe() {
    }

    /** The first characters of an id, enough to tell ids apart in a report. */
    static String shortId(@Nullable String id) {
        if (id == null) {
            return "-";
        }
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    /** {@code send, wait_event, delay}. */
    static String stageTypes(List<WorkflowStage> stages) {
        return stages.stream().map(WorkflowStage::type).collect(Collectors.joining(", "));
    }

    /** {@code running, at stage #1 (wait_event)} or {@code terminated after 1.2s, no error}. */
    static String progress(WorkflowInstance instance, List<WorkflowStage> stages) {
        if (instance.terminated()) {
            String took = between(instance.createdAt(), instance.terminatedAt()).map(d -> " after " + d).orElse("");
            return "terminated" + took + ", " + (instance.error() == null ? "no error" : "error '"
                    + instance.error() + "'");
        }
        return currentStage(instance)
                .map(status -> "running, at stage #" + status.stageNumber() + " (" + stageType(stages,
                        status.stageNumber()) + ")")
                .orElse("running, no stage started yet");
    }

    /** The stage that has started and not ended, if any. */
    static Optional<StageStatus> currentStage(WorkflowInstance instance) {
        return instance.status().stream().filter(status -> !status.isTerminated()).reduce((first, last) -> last);
    }

    /** {@code #0 send done, #1 wait_event done, #2 delay done in 1.0s}. */
    static String stageStatuses(WorkflowInstance instance, List<WorkflowStage> stages) {
        if (instance.status().isEmpty()) {
            return "no stage started";
        }
        List<String> parts = new ArrayList<>();
        for (StageStatus status : instance.status()) {
            String state = status.error() != null ? "failed: " + status.error()
                    : status.isTerminated() ? "done" + between(status.startedAt(), status.terminatedAt())
                            .map(d -> " in " + d).orElse("")
                    : "running";
            parts.add("#" + status.stageNumber() + " " + stageType(stages, status.stageNumber()) + " " + state);
        }
        return String.join(", ", parts);
    }

    /** {@code RunSend done, RunWaitEvent done, RunDelay done}. */
    static String history(List<WorkflowInstanceHistory> history) {
        if (history.isEmpty()) {
            return "empty";
        }
        return history.stream()
                .map(entry -> entry.name() + " " + (entry.error() != null ? "failed: " + entry.error()
                        : entry.terminated() ? "done" : "running"))
                .collect(Collectors.joining(", "));
    }

    /** {@code CreateTransaction: tx 0, world -> users:sample 100 EUR/2} or {@code no activity}. */
    static String stageHistory(List<WorkflowInstanceHistoryStage> activities) {
        if (activities.isEmpty()) {
            return "no activity";
        }
        return activities.stream().map(Describe::activity).collect(Collectors.joining("; "));
    }

    private static String activity(WorkflowInstanceHistoryStage activity) {
        StringBuilder text = new StringBuilder(activity.name());
        activity.typedOutput()
                .map(WorkflowInstanceHistoryStageOutput::createTransaction)
                .map(CreateTransactionResponse::data)
                .filter(transactions -> !transactions.isEmpty())
                .ifPresent(transactions -> text.append(": ").append(transactions.stream()
                        .map(Describe::transaction).collect(Collectors.joining(", "))));
        if (activity.error() != null) {
            text.append(" failed: ").append(activity.error());
        }
        else if (!activity.terminated()) {
            text.append(" (running)");
        }
        return text.toString();
    }

    private static String transaction(Transaction transaction) {
        String postings = transaction.postings() == null ? "" : transaction.postings().stream()
                .map(Describe::posting).collect(Collectors.joining(" + "));
        return "tx " + transaction.transactionId() + (postings.isEmpty() ? "" : ", " + postings);
    }

    private static String posting(Posting posting) {
        return posting.source() + " -> " + posting.destination() + " " + posting.amount() + " " + posting.asset();
    }

    /** The type of stage {@code number}, or {@code ?} when the workflow has no such stage. */
    static String stageType(List<WorkflowStage> stages, int number) {
        return number >= 0 && number < stages.size() ? stages.get(number).type() : "?";
    }

    private static Optional<String> between(@Nullable OffsetDateTime start, @Nullable OffsetDateTime end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        return Optional.of(Durations.format(Duration.between(start, end)));
    }
}
