package io.github.formancecommunity.orchestration.client;

/**
 * The base of every exception the Orchestration client throws. Unchecked. Messages name the operation and what
 * happened, and never contain a token, a client secret or an unbounded response body.
 */
public class OrchestrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OrchestrationOperation operation;

    public OrchestrationException(OrchestrationOperation operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The operation that failed, or {@code null} when the failure is not tied to one. */
    public OrchestrationOperation operation() {
        return operation;
    }
}
