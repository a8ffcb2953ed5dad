package io.github.formancecommunity.orchestration.client;

import java.io.IOException;

/**
 * Thrown by the transport when the response came from the HTTP proxy rather than from the server: a {@code 407},
 * or any answer to a {@code CONNECT} that did not open the tunnel. The client turns it into an
 * {@link OrchestrationProxyException}.
 */
final class ProxyRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String proxy;
    private final int status;

    ProxyRefusedException(String proxy, int status, String reason) {
        super("the HTTP proxy " + proxy + " answered " + status + (reason == null || reason.isBlank() ? ""
                : " " + reason) + " instead of the server" + hint(status));
        this.proxy = proxy;
        this.status = status;
    }

    private static String hint(int status) {
        if (status == 407) {
            return "; the proxy requires authentication: check the proxy username and password"
                    + " (formance.orchestration.proxy.username/password or the builder's proxy(...))";
        }
        if (status == 502 || status == 503 || status == 504) {
            return "; the proxy could not reach the server: check the base URL and whether the proxy may reach it"
                    + " (formance.orchestration.proxy.non-proxy-hosts lists the hosts reached directly)";
        }
        return "";
    }

    /** The proxy, as {@code host:port}. */
    String proxy() {
        return proxy;
    }

    /** The status the proxy answered with. */
    int status() {
        return status;
    }
}
