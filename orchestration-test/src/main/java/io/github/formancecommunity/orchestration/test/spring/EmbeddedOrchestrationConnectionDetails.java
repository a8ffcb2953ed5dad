package io.github.formancecommunity.orchestration.test.spring;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Points the starter's client at the embedded server, as a service connection does: base URL, path prefix and, when
 * the server requires it, the client credentials of the annotation with the server's token URL. The application's
 * own {@code formance.orchestration.*} properties stay as they are.
 */
final class EmbeddedOrchestrationConnectionDetails implements OrchestrationConnectionDetails {

    private final EmbeddedOrchestrationServer server;
    private final Authentication authentication;

    EmbeddedOrchestrationConnectionDetails(EmbeddedOrchestrationServer server, boolean auth, String clientId,
            String clientSecret) {
        this.server = server;
        this.authentication = auth ? Authentication.clientCredentials(clientId, clientSecret, server.tokenUrl())
                : Authentication.NONE;
    }

    @Override
    public String getBaseUrl() {
        return server.baseUrl();
    }

    @Override
    public String getPathPrefix() {
        return server.pathPrefix();
    }

    @Override
    public Authentication getAuthentication() {
        return authentication;
    }

    @Override
    public String toString() {
        return "EmbeddedOrchestrationConnectionDetails[baseUrl=" + getBaseUrl() + ", pathPrefix=" + getPathPrefix()
                + ", " + authentication + "]";
    }
}
