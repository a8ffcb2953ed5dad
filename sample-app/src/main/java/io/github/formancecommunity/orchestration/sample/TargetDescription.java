package io.github.formancecommunity.orchestration.sample;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;

/** One line that says which server the sample talks to and how it authenticates; never a secret. */
final class TargetDescription {

    private TargetDescription() {
    }

    static String of(OrchestrationProperties properties, boolean embedded) {
        String url = properties.getBaseUrl().strip() + (properties.getPathPrefix() == null ? ""
                : properties.getPathPrefix().strip());
        String where = (embedded ? "embedded Orchestration server " : "Formance Stack ") + url;
        return where + ", " + auth(properties.getAuth());
    }

    private static String auth(OrchestrationProperties.Auth auth) {
        if (hasText(auth.getClientId())) {
            return "OAuth2 client credentials (client '" + auth.getClientId().strip() + "')";
        }
        if (hasText(auth.getToken())) {
            return "static bearer token";
        }
        return "no authentication";
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
