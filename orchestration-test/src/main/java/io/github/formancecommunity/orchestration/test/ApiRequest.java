package io.github.formancecommunity.orchestration.test;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A received V1 request, after routing.
 *
 * @param method        the HTTP method
 * @param path          the raw path
 * @param pathParams    the decoded path parameters of the route
 * @param query         the decoded query parameters
 * @param body          the body bytes (possibly empty)
 * @param contentLength the declared {@code Content-Length}, or -1 when the body was sent without one (chunked)
 */
record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        byte[] body, long contentLength) {

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, {@code null} when absent. */
    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The body's first JSON value, as Go's {@code json.Decoder.Decode} reads it (what follows it is ignored). An
     * empty or undecodable body is a 400 VALIDATION with Go's wording where the embedded server reproduces it:
     * the messages of its scanner ({@link GoJsonSyntax}).
     */
    JsonNode jsonBody() {
        return RequestBodies.readJson(body);
    }
}
