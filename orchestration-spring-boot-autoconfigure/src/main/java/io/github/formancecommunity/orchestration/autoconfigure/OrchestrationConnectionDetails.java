package io.github.formancecommunity.orchestration.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;

/**
 * Where the Orchestration client connects and how it authenticates. The starter builds a default one from
 * {@code formance.orchestration.*}; a bean of this type (from a test's embedded server, a service connection, a
 * secret store) replaces it, and then its {@link #getAuthentication() authentication} applies instead of the
 * {@code auth.*} properties.
 */
public interface OrchestrationConnectionDetails extends ConnectionDetails {

    /**
     * The absolute http or https URL of the Formance Stack.
     *
     * @return the base URL
     */
    String getBaseUrl();

    /**
     * The prefix of the V1 paths.
     *
     * @return {@code /api/orchestration} by default, empty when the service is called directly
     */
    default String getPathPrefix() {
        return OrchestrationClientBuilder.DEFAULT_PATH_PREFIX;
    }

    /**
     * How the client authenticates.
     *
     * @return none by default
     */
    default Authentication getAuthentication() {
        return Authentication.NONE;
    }

    /**
     * A static bearer token, OAuth2 client credentials, or nothing. {@code toString()} shows no secret.
     *
     * @param token        the static bearer token, or {@code null}
     * @param clientId     the OAuth2 client id, or {@code null}
     * @param clientSecret the OAuth2 client secret, or {@code null}
     * @param tokenUrl     the token URL of the client credentials, absolute or resolved against the base URL, or
     *                     {@code null}
     */
    record Authentication(@Nullable String token, @Nullable String clientId, @Nullable String clientSecret,
            @Nullable String tokenUrl) {

        /** No authentication. */
        public static final Authentication NONE = new Authentication(null, null, null, null);

        /**
         * A static bearer token.
         *
         * @param token the token
         * @return the authentication
         */
        public static Authentication bearerToken(String token) {
            return new Authentication(token, null, null, null);
        }

        /**
         * OAuth2 client credentials.
         *
         * @param clientId     the client id
         * @param clientSecret the client secret
         * @param tokenUrl     the token URL, absolute or resolved against the base URL
         * @return the authentication
         */
        public static Authentication clientCredentials(String clientId, String clientSecret, String tokenUrl) {
            return new Authentication(null, clientId, clientSecret, tokenUrl);
        }

        /**
         * Whether OAuth2 client credentials are set.
         *
         * @return {@code true} with a client id and secret
         */
        public boolean isClientCredentials() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        /**
         * Whether a static token is set.
         *
         * @return {@code true} with a token
         */
        public boolean isBearerToken() {
            return token != null && !token.isBlank();
        }

        /**
         * Sets this authentication on a client builder.
         *
         * @param builder the builder
         * @return the builder
         */
        public OrchestrationClientBuilder applyTo(OrchestrationClientBuilder builder) {
            if (isClientCredentials() && clientId != null && clientSecret != null) {
                builder.clientCredentials(clientId, clientSecret);
                if (tokenUrl != null && !tokenUrl.isBlank()) {
                    builder.tokenUrl(tokenUrl);
                }
            }
            else if (isBearerToken() && token != null) {
                builder.bearerToken(token.strip());
            }
            return builder;
        }

        @Override
        public String toString() {
            return isClientCredentials() ? "Authentication[clientId=" + clientId + ", clientSecret=****, tokenUrl="
                    + tokenUrl + "]" : isBearerToken() ? "Authentication[token=****]" : "Authentication[none]";
        }
    }
}
