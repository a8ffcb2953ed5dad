package io.github.formancecommunity.orchestration.client;

/**
 * No usable response arrived: the connection was refused or reset, the response was cut or garbled.
 */
public class OrchestrationTransportException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    public OrchestrationTransportException(OrchestrationOperation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
