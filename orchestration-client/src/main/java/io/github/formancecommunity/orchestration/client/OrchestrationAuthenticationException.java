package io.github.formancecommunity.orchestration.client;

/**
 * No access token could be obtained: the token endpoint refused the credentials, failed, answered something
 * that is not a token, or could not be reached. Never carries the client secret or a token.
 */
public class OrchestrationAuthenticationException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public OrchestrationAuthenticationException(String message, int status, Throwable cause) {
        super(null, message, cause);
        this.status = status;
    }

    /** The token endpoint's HTTP status, or {@code -1} when it gave none. */
    public int status() {
        return status;
    }
}
