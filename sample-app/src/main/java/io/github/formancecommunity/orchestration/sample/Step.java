package io.github.formancecommunity.orchestration.sample;

import java.util.Objects;

/**
 * A named step of a {@link Scenario}.
 *
 * @param name   the name shown in the report (and in the failure message)
 * @param always whether the step runs even after an earlier step failed (clean-up)
 * @param action what the step does
 */
record Step(String name, boolean always, Action action) {

    /** Checks the arguments. */
    Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
    }

    /** A step that runs only while every earlier step succeeded. */
    static Step of(String name, Action action) {
        return new Step(name, false, action);
    }

    /** A step that runs whatever happened before, e.g. to clean up. */
    static Step always(String name, Action action) {
        return new Step(name, true, action);
    }

    /** The body of a step: it calls through the recorder, and throws to fail the step. */
    @FunctionalInterface
    interface Action {

        /** Runs the step. */
        void run(StepRecorder recorder);
    }
}
