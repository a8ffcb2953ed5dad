package io.github.formancecommunity.orchestration.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * One request the embedded server received and what it answered. Secrets are masked before they are recorded:
 * the {@code Authorization} header reads {@code Bearer [REDACTED]} (or {@code Basic [REDACTED]}), and the token
 * endpoint's {@code client_secret} and {@code access_token} read {@code [REDACTED]}.
 *
 * @param receivedAt      when the request arrived (server clock)
 * @param operation       the V1 operation it was routed to; {@code null} for the token endpoint and for requests
 *                        that matched no route
 * @param method          the HTTP method
 * @param path            the raw request path, including the path prefix
 * @param query           the decoded query parameters
 * @param requestHeaders  the request headers (names as the JDK server normalises them, e.g. {@code Content-type})
 * @param requestBody     the request body as text ({@code ""} when empty)
 * @param status          the response status; 0 when the connection was dropped by a {@link Fault#disconnect()}
 * @param responseHeaders the headers the server set (without {@code Date} and {@code Content-length})
 * @param responseBody    the response body as text ({@code ""} when empty)
 */
public record ReceivedExchange(Instant receivedAt, OrchestrationOperation operation, String method, String path,
        Map<String, List<String>> query, Map<String, List<String>> requestHeaders, String requestBody, int status,
        Map<String, List<String>> responseHeaders, String responseBody) {

    /** Copies the maps. */
    public ReceivedExchange {
        query = Map.copyOf(query);
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    /** The first value of a request header, matched case-insensitively. */
    public Optional<String> requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** The first value of a response header, matched case-insensitively. */
    public Optional<String> responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** Whether the request went to the OAuth2 token endpoint. */
    public boolean isTokenRequest() {
        return path.endsWith(TokenEndpoint.PATH);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }
}
