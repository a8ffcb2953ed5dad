package io.github.formancecommunity.orchestration.test;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;

/**
 * The token source of the clients that {@link EmbeddedOrchestrationServer#newClient()} builds: it takes tokens
 * straight from the server's issuer (no HTTP round trip), caches one, and replaces it when the server rejects it.
 */
final class InProcessTokenSource implements BearerTokenSource {

    private final TokenIssuer issuer;
    private String cached;

    InProcessTokenSource(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public synchronized String token(String scope) {
        if (cached == null || !issuer.isValid(cached)) {
            cached = issuer.issue();
        }
        return cached;
    }

    @Override
    public synchronized void invalidate(String rejectedToken) {
        if (rejectedToken != null && rejectedToken.equals(cached)) {
            cached = null;
        }
    }

    @Override
    public boolean isRefreshable() {
        return true;
    }

    @Override
    public String toString() {
        return "InProcessTokenSource[embedded server]";
    }
}
