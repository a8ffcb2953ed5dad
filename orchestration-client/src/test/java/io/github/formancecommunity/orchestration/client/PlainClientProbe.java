package io.github.formancecommunity.orchestration.client;

import java.io.IOException;

/**
 * Builds and calls a client with the decorations that need neither Resilience4j nor Micrometer; loaded by
 * {@link ClientWithoutOptionalDependenciesTest} in a class loader without them.
 */
public final class PlainClientProbe {

    private PlainClientProbe() {
    }

    /**
     * Reads the server's version through a client with OAuth2 client credentials and retries.
     *
     * @param baseUrl the server
     * @return the server's version
     * @throws IOException when the client cannot be closed
     */
    public static String serverVersion(String baseUrl) throws IOException {
        try (OrchestrationV1Client client = OrchestrationV1Client.builder()
                .baseUrl(baseUrl)
                .pathPrefix("")
                .clientCredentials("probe", "probe-secret")
                .retry(3, java.time.Duration.ZERO, java.time.Duration.ZERO, 1.0)
                .build()) {
            return client.getServerInfo().version();
        }
    }
}
