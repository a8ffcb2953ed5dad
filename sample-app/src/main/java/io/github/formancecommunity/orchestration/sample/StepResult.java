package io.github.formancecommunity.orchestration.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one step did.
 *
 * @param name          the step's name
 * @param status        whether it succeeded, failed or was skipped
 * @param rows          its calls
 * @param failure       why it failed, {@code null} otherwise
 * @param elapsedMillis how long it took
 */
record StepResult(String name, Status status, List<CallRow> rows, @Nullable String failure, long elapsedMillis) {

    /** Copies the rows. */
    StepResult {
        rows = List.copyOf(rows);
    }

    /** The outcome of a step. */
    enum Status {
        /** Every call succeeded and every check held. */
        SUCCEEDED,
        /** A call failed or a check did not hold. */
        FAILED,
        /** Not run, because an earlier step failed. */
        SKIPPED
    }

    static StepResult skipped(String name) {
        return new StepResult(name, Status.SKIPPED, List.of(), null, 0);
    }
}
