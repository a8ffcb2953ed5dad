package io.github.formancecommunity.orchestration.client.auth;

/** Obtains a new access token for a scope; one call, one request to the token endpoint. */
@FunctionalInterface
interface TokenFetcher {

    /**
     * Fetches a token.
     *
     * @throws io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException on any failure
     */
    AccessToken fetch(String scope);
}
