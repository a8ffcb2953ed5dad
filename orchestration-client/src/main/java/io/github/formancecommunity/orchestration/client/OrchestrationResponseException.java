package io.github.formancecommunity.orchestration.client;

/**
 * The server answered with a success status but the body could not be read: empty where one was due, not JSON,
 * malformed, or of the wrong shape; or the response passed a limit of the client (body size, header count or line
 * length), which the message names with its property. The message has at most a short excerpt of the body.
 */
public class OrchestrationResponseException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public OrchestrationResponseException(OrchestrationOperation operation, int status, String message,
            Throwable cause) {
        super(operation, message, cause);
        this.status = status;
    }

    /** The HTTP status of the unreadable response; 0 when its head was refused before the status was kept. */
    public int status() {
        return status;
    }
}
