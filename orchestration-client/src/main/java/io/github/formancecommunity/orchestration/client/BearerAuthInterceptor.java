package io.github.formancecommunity.orchestration.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds {@code Authorization: Bearer <token>} with the scope of the request's method. Local to this client. */
final class BearerAuthInterceptor implements RequestInterceptor {

    private final BearerTokenSource tokenSource;

    BearerAuthInterceptor(BearerTokenSource tokenSource) {
        this.tokenSource = tokenSource;
    }

    @Override
    public void apply(RequestTemplate template) {
        String token = tokenSource.token(OrchestrationOperation.scopeForMethod(template.method()));
        template.removeHeader("Authorization");
        template.header("Authorization", "Bearer " + token);
    }
}
