package io.github.formancecommunity.orchestration.client;

/**
 * The circuit breaker is open: the call was rejected without reaching the server.
 */
public class OrchestrationCircuitOpenException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final String circuitBreakerName;

    public OrchestrationCircuitOpenException(OrchestrationOperation operation, String circuitBreakerName,
            Throwable cause) {
        super(operation, operation + " rejected: circuit breaker '" + circuitBreakerName
                + "' is open after too many server failures", cause);
        this.circuitBreakerName = circuitBreakerName;
    }

    /** The name of the open breaker. */
    public String circuitBreakerName() {
        return circuitBreakerName;
    }
}
