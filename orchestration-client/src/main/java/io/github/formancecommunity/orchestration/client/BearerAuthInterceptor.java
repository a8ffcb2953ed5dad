package io.github.formancecommunity.orchestration.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Adds {@code Authorization: Bearer <token>} with the scope of the request's method. Local to this client.
 *
 * <p>A token source that fails with anything but an {@link OrchestrationException}, returns no token, or returns
 * one that cannot be a header value (control, space or non-ASCII characters inside it) fails the call with an
 * {@link OrchestrationAuthenticationException} before anything is sent; surrounding whitespace, such as the
 * newline of a token read from a file, is dropped. The token never appears in the message.
 */
final class BearerAuthInterceptor implements RequestInterceptor {

    private final BearerTokenSource tokenSource;

    BearerAuthInterceptor(BearerTokenSource tokenSource) {
        this.tokenSource = tokenSource;
    }

    @Override
    public void apply(RequestTemplate template) {
        OrchestrationOperation operation = Operations.of(template);
        String name = operation == null ? "request" : operation.operationId();
        String token;
        try {
            token = tokenSource.token(OrchestrationOperation.scopeForMethod(template.method()));
        }
        catch (OrchestrationException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new OrchestrationAuthenticationException(operation, name + ": the token source failed ("
                    + ex.getClass().getSimpleName() + (ex.getMessage() == null ? ""
                            : ": " + BodyExcerpt.truncate(ex.getMessage(), 300)) + ")", -1, ex);
        }
        if (token == null || token.isBlank()) {
            throw new OrchestrationAuthenticationException(operation,
                    name + ": the token source returned no token", -1, null);
        }
        String value = token.strip();
        if (!isHeaderSafe(value)) {
            throw new OrchestrationAuthenticationException(operation, name + ": the token source returned a token"
                    + " that is not a valid header value (control, space or non-ASCII characters)", -1, null);
        }
        template.removeHeader("Authorization");
        // A literal: a token is never a template, whatever braces it holds
        template.headerLiteral("Authorization", "Bearer " + value);
    }

    private static boolean isHeaderSafe(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
