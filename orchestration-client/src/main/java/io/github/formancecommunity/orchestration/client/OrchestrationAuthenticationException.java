package io.github.formancecommunity.orchestration.client;

/**
 * No access token could be obtained: the token endpoint refused the credentials, failed, answered something
 * that is not a token, or could not be reached. Never carries the client secret or a token.
 */
public class OrchestrationAuthenticationException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * A failure not tied to one operation, e.g. raised by a token source.
     *
     * @param message what failed, without any secret
     * @param status  the token endpoint's HTTP status, {@code -1} when none
     * @param cause   the underlying failure, or {@code null}
     */
    public OrchestrationAuthenticationException(String message, int status, Throwable cause) {
        this(null, message, status, cause);
    }

    /**
     * A failure to authenticate a call of the given operation.
     *
     * @param operation the operation that could not be authenticated, or {@code null}
     * @param message   what failed, without any secret
     * @param status    the token endpoint's HTTP status, {@code -1} when none
     * @param cause     the underlying failure, or {@code null}
     */
    public OrchestrationAuthenticationException(OrchestrationOperation operation, String message, int status,
            Throwable cause) {
        super(operation, message, cause);
        this.status = status;
    }

    /** The token endpoint's HTTP status, or {@code -1} when it gave none. */
    public int status() {
        return status;
    }
}
