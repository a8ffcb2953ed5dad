package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns an {@link InvalidOrchestrationPropertyException} into Boot's start-up failure report: what is wrong
 * (the exception's message, which never contains a secret) and what to do.
 */
class InvalidOrchestrationPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOrchestrationPropertyException>
        implements Ordered {

    /** Before Boot's bind-failure analysis, which would otherwise report the wrapping bind exception alone. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidOrchestrationPropertyException cause) {
        String action = "Correct " + String.join(", ", cause.violations().keySet())
                + " in the application's configuration (application.yml, environment variables or system "
                + "properties). Every formance.orchestration.* property is described in the configuration metadata.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
