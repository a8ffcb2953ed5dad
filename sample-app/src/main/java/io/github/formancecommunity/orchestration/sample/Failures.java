package io.github.formancecommunity.orchestration.sample;

import io.github.formancecommunity.orchestration.client.OrchestrationException;

/** Turns a failure into one line for the report. */
final class Failures {

    private Failures() {
    }

    /**
     * The client's exceptions already say which operation failed and how ({@code createTrigger failed: HTTP 500
     * INTERNAL: ...}) and never carry secrets; other exceptions are named by their type.
     */
    static String describe(Throwable failure) {
        if (failure instanceof OrchestrationException || failure instanceof StepFailedException) {
            return String.valueOf(failure.getMessage());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
