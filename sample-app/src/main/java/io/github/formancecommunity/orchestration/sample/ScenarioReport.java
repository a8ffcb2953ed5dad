package io.github.formancecommunity.orchestration.sample;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * The outcome of a {@link Scenario}: one result per step, in order.
 *
 * @param steps         the steps' results
 * @param elapsedMillis how long the whole scenario took
 */
record ScenarioReport(List<StepResult> steps, long elapsedMillis) {

    /** Copies the steps. */
    ScenarioReport {
        steps = List.copyOf(steps);
    }

    /** Whether every step succeeded. */
    boolean succeeded() {
        return steps.stream().allMatch(step -> step.status() == StepResult.Status.SUCCEEDED);
    }

    /** The first step that failed, if any. */
    Optional<StepResult> firstFailure() {
        return steps.stream().filter(step -> step.status() == StepResult.Status.FAILED).findFirst();
    }

    /** The operations that were called successfully at least once. */
    Set<OrchestrationOperation> operationsSucceeded() {
        Set<OrchestrationOperation> operations = EnumSet.noneOf(OrchestrationOperation.class);
        steps.stream().flatMap(step -> step.rows().stream())
                .filter(CallRow::succeeded)
                .map(CallRow::operation)
                .filter(Objects::nonNull)
                .forEach(operations::add);
        return operations;
    }

    /** The number of steps with the given status. */
    long count(StepResult.Status status) {
        return steps.stream().filter(step -> step.status() == status).count();
    }
}
