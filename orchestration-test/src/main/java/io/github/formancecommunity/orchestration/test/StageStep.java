package io.github.formancecommunity.orchestration.test;

import java.time.Duration;

/** What a stage does after it started. */
sealed interface StageStep {

    /** The stage finished successfully. */
    record Completed() implements StageStep {
    }

    /** The stage failed; the instance ends with this error. */
    record Failed(String error) implements StageStep {
    }

    /** The stage blocks until {@code sendEvent} with this name. */
    record AwaitEvent(String event) implements StageStep {
    }

    /** The stage blocks for this long. */
    record Wait(Duration duration) implements StageStep {
    }
}
