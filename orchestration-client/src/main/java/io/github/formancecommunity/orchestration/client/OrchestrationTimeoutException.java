package io.github.formancecommunity.orchestration.client;

/**
 * The connection or the response took longer than the configured time-out.
 */
public class OrchestrationTimeoutException extends OrchestrationTransportException {

    private static final long serialVersionUID = 1L;

    public OrchestrationTimeoutException(OrchestrationOperation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
