package io.github.formancecommunity.orchestration.client;

/** A fixed token, e.g. one obtained elsewhere or for tests. */
final class StaticBearerTokenSource implements BearerTokenSource {

    private final String token;

    StaticBearerTokenSource(String token) {
        this.token = token;
    }

    @Override
    public String token(String scope) {
        return token;
    }

    @Override
    public String toString() {
        return "StaticBearerTokenSource[token=****]";
    }
}
