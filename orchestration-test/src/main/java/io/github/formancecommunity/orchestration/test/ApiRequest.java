package io.github.formancecommunity.orchestration.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.JacksonException;
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

    /** The body as JSON; an undecodable body is a 400 VALIDATION, like the real handlers' decoding errors. */
    JsonNode jsonBody() {
        if (body.length == 0) {
            throw ApiException.validation("EOF");
        }
        try {
            return OrchestrationJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        }
        catch (JacksonException ex) {
            throw ApiException.validation("invalid JSON body: " + ex.getOriginalMessage());
        }
    }
}
