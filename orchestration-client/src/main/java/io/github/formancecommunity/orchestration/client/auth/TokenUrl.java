package io.github.formancecommunity.orchestration.client.auth;

import java.net.URI;

/** Resolves {@code auth.token-url} against {@code base-url} (both already validated). */
final class TokenUrl {

    private TokenUrl() {
    }

    /**
     * An absolute token URL as is; otherwise resolved against the base URL: {@code /api/auth/oauth/token} replaces
     * the base URL's path, {@code oauth/token} is appended to it.
     */
    static URI resolve(String baseUrl, String tokenUrl) {
        URI token = URI.create(tokenUrl.strip());
        if (token.isAbsolute()) {
            return token;
        }
        String base = baseUrl.strip();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(token);
    }
}
