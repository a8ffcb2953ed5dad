package io.github.formancecommunity.orchestration.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/** Maps {@code method + path} (relative to the path prefix) to one of the 17 V1 operations. */
final class Router {

    /** Handles one routed V1 request. */
    @FunctionalInterface
    interface Endpoint {
        HttpReply handle(ApiRequest request);
    }

    private record Route(String method, String[] segments, boolean trailingSlash, OrchestrationOperation operation,
            Endpoint endpoint) {
    }

    /**
     * The result of routing.
     *
     * @param operation        the matched operation, {@code null} when none
     * @param endpoint         its handler, {@code null} when none
     * @param pathParams       the decoded path parameters
     * @param allowed          the methods the path has when it exists with other methods only, else empty
     */
    record Match(OrchestrationOperation operation, Endpoint endpoint, Map<String, String> pathParams,
            List<String> allowed) {

        static final Match NONE = new Match(null, null, Map.of(), List.of());

        boolean methodNotAllowed() {
            return !allowed.isEmpty();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds an operation. A template ending with {@code /} is a chi sub-router's {@code "/"} route, which also
     * answers the path with a trailing slash; other templates answer the exact path only.
     */
    Router add(OrchestrationOperation operation, String template, Endpoint endpoint) {
        return add(operation.httpMethod(), template, operation, endpoint);
    }

    /** Adds a route that is none of the V1 operations (for example {@code /_healthcheck}). */
    Router add(String method, String template, Endpoint endpoint) {
        return add(method, template, null, endpoint);
    }

    private Router add(String method, String template, OrchestrationOperation operation, Endpoint endpoint) {
        routes.add(new Route(method, split(template), template.length() > 1 && template.endsWith("/"), operation,
                endpoint));
        return this;
    }

    /**
     * Routes a path relative to the prefix. Like chi on Go's {@code net/url}, path parameters are decoded unless
     * the raw path is not Go's default encoding of its decoded form (for example when it holds {@code %2F}): then
     * the raw path is matched and parameters keep their escapes.
     */
    Match match(String method, String relativePath) {
        String decoded = GoPaths.unescape(relativePath);
        String routed = decoded != null && GoPaths.escape(decoded).equals(relativePath) ? decoded : relativePath;
        String[] segments = split(routed);
        boolean trailingSlash = routed.length() > 1 && routed.endsWith("/");
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            if (trailingSlash && !route.trailingSlash()) {
                continue;
            }
            Map<String, String> params = matchSegments(route.segments(), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.operation(), route.endpoint(), params, List.of());
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? Match.NONE : new Match(null, null, Map.of(), List.copyOf(allowed));
    }

    private static Map<String, String> matchSegments(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(expected.substring(1, expected.length() - 1), actual[i]);
            }
            else if (!expected.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    /** The path's segments, without a trailing slash. */
    private static String[] split(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
