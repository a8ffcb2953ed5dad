package io.github.formancecommunity.orchestration.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** Helpers to inspect a failed start. */
final class Failures {

    private Failures() {
    }

    /** The {@link InvalidOrchestrationPropertyException} somewhere in the context's start-up failure. */
    static InvalidOrchestrationPropertyException invalidProperty(AssertableApplicationContext context) {
        Throwable failure = context.getStartupFailure();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidOrchestrationPropertyException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("the start did not fail with InvalidOrchestrationPropertyException: " + failure,
                failure);
    }

    /** The full stack trace, causes included, as text. */
    static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

}
