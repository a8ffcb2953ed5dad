package io.github.formancecommunity.orchestration.client;

import java.util.Objects;

/**
 * Supplies the bearer token sent in the {@code Authorization} header of each request.
 *
 * <p>A refreshable source (OAuth2 client credentials) is told which token the server rejected with a 401, and the
 * client then retries that call once with a fresh token.
 */
public interface BearerTokenSource {

    /**
     * The access token for a request needing the given scope.
     *
     * @param scope {@code orchestration:read} or {@code orchestration:write}
     * @return the token, without the {@code Bearer } prefix
     * @throws OrchestrationAuthenticationException when no token can be obtained
     */
    String token(String scope);

    /** Drops {@code rejectedToken} if it is still cached, so that the next {@link #token} fetches a new one. */
    default void invalidate(String rejectedToken) {
    }

    /** Whether a rejected token can be replaced, which makes the client retry a 401 once. */
    default boolean isRefreshable() {
        return false;
    }

    /** A source that always returns the same token. Its {@code toString()} does not reveal the token. */
    static BearerTokenSource of(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("bearer token must not be blank");
        }
        return new StaticBearerTokenSource(token);
    }
}
