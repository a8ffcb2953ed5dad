package io.github.formancecommunity.orchestration.client.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request and the response it got, as seen on the wire, in a form that does not depend on the tool that
 * recorded it (WireMock, an embedded server, a proxy).
 *
 * <p>Header maps are case-insensitive on their keys. A body that was absent or empty is {@code null}.
 *
 * @param method          the HTTP method, upper case
 * @param path            the raw request path, without query string (e.g. {@code /api/orchestration/workflows})
 * @param query           the decoded query parameters, in order of appearance
 * @param requestHeaders  the request headers
 * @param requestBody     the request body as UTF-8 text, {@code null} when there was none
 * @param status          the response status
 * @param responseHeaders the response headers
 * @param responseBody    the response body as text, {@code null} when there was none
 */
public record RecordedExchange(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders, String requestBody, int status,
        Map<String, List<String>> responseHeaders, String responseBody) {

    public RecordedExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.contains("?")) {
            throw new IllegalArgumentException("path must not contain the query string: " + path);
        }
        query = copy(query, false);
        requestHeaders = copy(requestHeaders, true);
        responseHeaders = copy(responseHeaders, true);
        requestBody = requestBody == null || requestBody.isEmpty() ? null : requestBody;
        responseBody = responseBody == null || responseBody.isEmpty() ? null : responseBody;
    }

    /** The first value of a request header, looked up case-insensitively. */
    public Optional<String> requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** The first value of a response header, looked up case-insensitively. */
    public Optional<String> responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** {@code METHOD /path?query -> status}, for messages. Never includes headers, so never a token. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        if (!query.isEmpty()) {
            text.append('?');
            query.forEach((name, values) -> values.forEach(value -> text.append(name).append('=').append(value)
                    .append('&')));
            text.setLength(text.length() - 1);
        }
        return text.append(" -> ").append(status).toString();
    }

    /** Like the generated one, but with the value of every {@code Authorization} header redacted. */
    @Override
    public String toString() {
        return "RecordedExchange[method=" + method + ", path=" + path + ", query=" + query + ", requestHeaders="
                + redacted(requestHeaders) + ", requestBody=" + requestBody + ", status=" + status
                + ", responseHeaders=" + responseHeaders + ", responseBody=" + responseBody + "]";
    }

    private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name,
                "Authorization".equalsIgnoreCase(name) ? values.stream().map(v -> "****").toList() : values));
        return copy;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean caseInsensitive) {
        Map<String, List<String>> target = caseInsensitive ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
                : new LinkedHashMap<>();
        if (source != null) {
            source.forEach((name, values) -> target.merge(name, List.copyOf(values), (a, b) -> {
                List<String> merged = new ArrayList<>(a);
                merged.addAll(b);
                return List.copyOf(merged);
            }));
        }
        return Collections.unmodifiableMap(target);
    }
}
