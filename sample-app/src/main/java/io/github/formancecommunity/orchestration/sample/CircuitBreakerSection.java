package io.github.formancecommunity.orchestration.sample;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The report's circuit breaker section: the breaker's state and its call counts. */
final class CircuitBreakerSection {

    private CircuitBreakerSection() {
    }

    /**
     * Renders the section.
     *
     * @param breaker the Orchestration client's breaker, {@code null} when the application has none
     */
    static String render(@Nullable CircuitBreaker breaker) {
        if (breaker == null) {
            return "Circuit breaker\n  not available: no CircuitBreaker bean (formance.orchestration.circuit-breaker"
                    + ".enabled=false, or this version of the starter has no circuit breaker)\n";
        }
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
        TextTable table = TextTable.of("state", "successful>", "failed>", "not permitted>", "slow>", "buffered>",
                "failure rate");
        table.row(breaker.getState(), metrics.getNumberOfSuccessfulCalls(), metrics.getNumberOfFailedCalls(),
                metrics.getNumberOfNotPermittedCalls(), metrics.getNumberOfSlowCalls(),
                metrics.getNumberOfBufferedCalls(), rate(metrics.getFailureRate(), minimumCalls));
        return "Circuit breaker '" + breaker.getName() + "'\n" + table.render("  ");
    }

    private static String rate(float rate, int minimumCalls) {
        if (rate < 0) {
            return "not computed yet (needs " + minimumCalls + " calls)";
        }
        return String.format(Locale.ROOT, "%.1f%%", rate);
    }
}
