package io.github.formancecommunity.orchestration.test;

import java.util.Objects;

/**
 * An OAuth2 client the embedded server accepts at its token endpoint. {@link #toString()} never shows the secret.
 *
 * @param clientId     the client id
 * @param clientSecret the client secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

    /**
     * Validates both values.
     *
     * @throws IllegalArgumentException when either is blank
     */
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}
