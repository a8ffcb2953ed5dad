package io.github.formancecommunity.orchestration.sample;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Renders a {@link ScenarioReport} as text: the target, a table per step (operation, what, result, elapsed ms),
 * the outcome, then the request metrics and the state of the client's circuit breaker (the bean
 * {@code orchestrationCircuitBreaker}) when the application has them.
 */
@Component
class ReportPrinter {

    private final OrchestrationConnectionDetails connection;
    private final ObjectProvider<EmbeddedOrchestrationServer> embedded;
    private final ObjectProvider<MeterRegistry> meterRegistry;
    private final ObjectProvider<CircuitBreaker> circuitBreaker;

    ReportPrinter(OrchestrationConnectionDetails connection, ObjectProvider<EmbeddedOrchestrationServer> embedded,
            ObjectProvider<MeterRegistry> meterRegistry,
            @Qualifier(OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME)
            ObjectProvider<CircuitBreaker> circuitBreaker) {
        this.connection = connection;
        this.embedded = embedded;
        this.meterRegistry = meterRegistry;
        this.circuitBreaker = circuitBreaker;
    }

    /** The whole report. */
    String render(ScenarioReport report, int exitCode) {
        StringBuilder out = new StringBuilder();
        out.append("\nFormance Orchestration V1 sample\n");
        out.append("Target: ").append(TargetDescription.of(connection, embedded.getIfAvailable() != null))
                .append("\n\n");
        List<StepResult> steps = report.steps();
        for (int i = 0; i < steps.size(); i++) {
            out.append(step(steps.get(i), i + 1, steps.size())).append('\n');
        }
        out.append(outcome(report, exitCode)).append('\n');
        out.append(RequestMetricsSection.render(meterRegistry.getIfAvailable())).append('\n');
        out.append(CircuitBreakerSection.render(circuitBreaker.getIfAvailable()));
        return out.toString();
    }

    private static String step(StepResult step, int number, int total) {
        StringBuilder out = new StringBuilder("[" + number + "/" + total + "] " + step.name() + ": ");
        switch (step.status()) {
            case SUCCEEDED -> out.append("OK (").append(step.elapsedMillis()).append(" ms)\n");
            case FAILED -> out.append("FAILED (").append(step.elapsedMillis()).append(" ms)\n");
            case SKIPPED -> {
                return out.append("SKIPPED (an earlier step failed)\n").toString();
            }
        }
        if (!step.rows().isEmpty()) {
            TextTable table = TextTable.of("operation", "what", "result", "ms>");
            for (CallRow row : step.rows()) {
                table.row(row.actionLabel(), row.what(), (row.succeeded() ? "" : "FAILED: ") + row.result(),
                        row.operation() == null && row.elapsedMillis() == 0 ? "" : row.elapsedMillis());
            }
            out.append(table.render("  "));
        }
        if (step.failure() != null) {
            out.append("  step failed: ").append(step.failure()).append('\n');
        }
        return out.toString();
    }

    private static String outcome(ScenarioReport report, int exitCode) {
        Set<OrchestrationOperation> called = report.operationsSucceeded();
        Set<OrchestrationOperation> missing = EnumSet.allOf(OrchestrationOperation.class);
        missing.removeAll(called);
        StringBuilder out = new StringBuilder("Result: ");
        report.firstFailure().ifPresentOrElse(
                failed -> out.append("FAILED at step '").append(failed.name()).append("': ")
                        .append(failed.failure()),
                () -> out.append("OK"));
        out.append('\n');
        out.append("  steps: ").append(report.count(StepResult.Status.SUCCEEDED)).append(" of ")
                .append(report.steps().size()).append(" succeeded");
        long failed = report.count(StepResult.Status.FAILED);
        long skipped = report.count(StepResult.Status.SKIPPED);
        if (failed > 0 || skipped > 0) {
            out.append(", ").append(failed).append(" failed, ").append(skipped).append(" skipped");
        }
        out.append(" in ").append(report.elapsedMillis()).append(" ms\n");
        out.append("  operations: ").append(called.size()).append(" of ")
                .append(OrchestrationOperation.values().length).append(" succeeded at least once");
        if (!missing.isEmpty()) {
            out.append(" (not: ").append(String.join(", ", missing.stream().map(OrchestrationOperation::operationId)
                    .toList())).append(')');
        }
        out.append('\n');
        out.append("  exit code: ").append(exitCode).append('\n');
        return out.toString();
    }
}
