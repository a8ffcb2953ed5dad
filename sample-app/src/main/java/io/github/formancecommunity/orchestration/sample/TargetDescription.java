package io.github.formancecommunity.orchestration.sample;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;

/**
 * One line that says which server the sample talks to and how it authenticates, from the connection details the
 * client is built with (the properties', or the embedded server's in the development-time main); never a secret.
 */
final class TargetDescription {

    private TargetDescription() {
    }

    static String of(OrchestrationConnectionDetails connection, boolean embedded) {
        String pathPrefix = connection.getPathPrefix();
        String url = connection.getBaseUrl().strip() + (pathPrefix == null ? "" : pathPrefix.strip());
        String where = (embedded ? "embedded Orchestration server " : "Formance Stack ") + url;
        return where + ", " + auth(connection.getAuthentication());
    }

    private static String auth(OrchestrationConnectionDetails.Authentication auth) {
        if (auth.isClientCredentials() && auth.clientId() != null) {
            return "OAuth2 client credentials (client '" + auth.clientId().strip() + "')";
        }
        if (auth.isBearerToken()) {
            return "static bearer token";
        }
        return "no authentication";
    }
}
