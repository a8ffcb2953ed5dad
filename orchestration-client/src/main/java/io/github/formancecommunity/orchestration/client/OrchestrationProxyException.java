package io.github.formancecommunity.orchestration.client;

/**
 * The HTTP proxy between the client and the server answered instead of the server: it asked for credentials
 * ({@code 407}), refused the {@code CONNECT} tunnel, or could not reach the server itself ({@code 502},
 * {@code 503}). The request never reached the Orchestration API. The message names the proxy and its status,
 * never the proxy password.
 */
public class OrchestrationProxyException extends OrchestrationTransportException {

    private static final long serialVersionUID = 1L;

    private final int proxyStatus;

    /**
     * Creates the exception.
     *
     * @param operation   the operation whose request the proxy refused, or {@code null}
     * @param message     what happened, without any secret
     * @param proxyStatus the HTTP status the proxy answered with
     * @param cause       the underlying failure, or {@code null}
     */
    public OrchestrationProxyException(OrchestrationOperation operation, String message, int proxyStatus,
            Throwable cause) {
        super(operation, message, cause);
        this.proxyStatus = proxyStatus;
    }

    /** The HTTP status the proxy answered with, e.g. {@code 407}. */
    public int proxyStatus() {
        return proxyStatus;
    }
}
