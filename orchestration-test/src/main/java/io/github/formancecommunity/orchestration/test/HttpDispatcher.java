package io.github.formancecommunity.orchestration.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * Handles every request: reads it, applies a pending {@link Fault}, serves the token endpoint, checks the bearer
 * token, routes to the V1 endpoint, writes the answer with {@code Content-Type: application/json}, and records
 * the exchange with its secrets masked.
 */
final class HttpDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);
    private static final int MAX_BODY_BYTES = RequestBodies.MAX_BODY_BYTES;
    /** The route groups behind the real server's auth middleware; their 404 and 405 come after the auth check. */
    private static final java.util.Set<String> AUTHENTICATED_GROUPS = java.util.Set.of("triggers", "workflows",
            "instances");
    /** Go's {@code http.NotFound} body. */
    static final String NOT_FOUND_TEXT = "404 page not found\n";
    private static final String REDACTED = "[REDACTED]";

    private final String pathPrefix;
    private final Router router;
    private final TokenEndpoint tokenEndpoint;
    private final TokenIssuer tokens;
    private final FaultInjector faults;
    private final ExchangeRecorder recorder;
    private final Clock clock;

    HttpDispatcher(String pathPrefix, Router router, TokenEndpoint tokenEndpoint, TokenIssuer tokens,
            FaultInjector faults, ExchangeRecorder recorder, Clock clock) {
        this.pathPrefix = pathPrefix;
        this.router = router;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.faults = faults;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = clock.instant();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> headers = copy(exchange.getRequestHeaders());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        boolean tokenRequest = TokenEndpoint.PATH.equals(rawPath);
        Router.Match match = tokenRequest ? Router.Match.NONE : route(method, rawPath);
        Recorder record = new Recorder(receivedAt, match.operation(), method, rawPath, query, headers, body,
                tokenRequest);
        try {
            Fault fault = faults.take(method, rawPath, match.operation());
            if (fault != null) {
                pause(fault.delayDuration());
                if (fault.isDisconnect()) {
                    record.done(0, Map.of(), "");
                    exchange.close();
                    return;
                }
                if (fault.status() != 0) {
                    send(exchange, fault.reply(), record);
                    return;
                }
            }
            send(exchange, answer(method, rawPath, headers, body, query, match, tokenRequest), record);
        }
        catch (IOException | RuntimeException ex) {
            LOG.debug("Embedded Orchestration server could not answer {} {}", method, rawPath, ex);
            exchange.close();
        }
    }

    private HttpReply answer(String method, String rawPath, Map<String, List<String>> headers, byte[] body,
            Map<String, List<String>> query, Router.Match match, boolean tokenRequest) {
        if (GoPaths.unescape(rawPath) == null) {
            // Go's net/http refuses a request line it cannot parse before any handler runs.
            return new HttpReply(400, "400 Bad Request".getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", Map.of("Connection", "close"), null);
        }
        if (body.length > MAX_BODY_BYTES) {
            return RequestBodies.tooLarge();
        }
        if (tokenRequest) {
            return tokenEndpoint.handle(method, headers, body);
        }
        boolean authenticated = match.operation() != null ? match.operation() != OrchestrationOperation.GET_SERVER_INFO
                : inAuthenticatedGroup(rawPath);
        if (authenticated && tokens.isEnabled() && !tokens.isValid(bearerToken(headers))) {
            return HttpReply.empty(401);
        }
        if (match.methodNotAllowed()) {
            return HttpReply.empty(405).withHeader("Allow", String.join(", ", match.allowed()));
        }
        if (match.endpoint() == null) {
            return HttpReply.text(404, NOT_FOUND_TEXT);
        }
        ApiRequest request = new ApiRequest(method, rawPath, match.pathParams(), query, body,
                contentLength(headers));
        try {
            return match.endpoint().handle(request);
        }
        catch (ApiException ex) {
            return ex.toReply();
        }
        catch (RuntimeException ex) {
            // The real server's panic recovery answers 500 with an empty body.
            LOG.warn("Embedded Orchestration server failed on {} {}", method, rawPath, ex);
            return HttpReply.empty(500);
        }
    }

    /** Whether the path falls in one of the route groups that the real server authenticates before routing. */
    private boolean inAuthenticatedGroup(String rawPath) {
        String relative;
        if (pathPrefix.isEmpty()) {
            relative = rawPath;
        }
        else if (rawPath.startsWith(pathPrefix + "/")) {
            relative = rawPath.substring(pathPrefix.length());
        }
        else {
            return false;
        }
        String trimmed = relative.startsWith("/") ? relative.substring(1) : relative;
        int slash = trimmed.indexOf('/');
        return AUTHENTICATED_GROUPS.contains(slash < 0 ? trimmed : trimmed.substring(0, slash));
    }

    private Router.Match route(String method, String rawPath) {
        String relative;
        if (pathPrefix.isEmpty()) {
            relative = rawPath;
        }
        else if (rawPath.startsWith(pathPrefix + "/")) {
            relative = rawPath.substring(pathPrefix.length());
        }
        else {
            return Router.Match.NONE;
        }
        return router.match(method, relative);
    }

    private static void send(HttpExchange exchange, HttpReply reply, Recorder record) throws IOException {
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        responseHeaders.put("Content-Type", List.of(reply.contentType()));
        reply.headers().forEach((name, value) -> {
            // chi writes one Allow line per method.
            List<String> values = name.equals("Allow") ? List.of(value.split(", ")) : List.of(value);
            exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            responseHeaders.put(name, values);
        });
        byte[] body = reply.body();
        responseHeaders.put("Content-Length", List.of(Integer.toString(body.length)));
        record.done(reply.status(), responseHeaders, reply.bodyForRecord());
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Builds the exchange record once the answer is known; masks secrets. */
    private final class Recorder {
        private final Instant receivedAt;
        private final OrchestrationOperation operation;
        private final String method;
        private final String path;
        private final Map<String, List<String>> query;
        private final Map<String, List<String>> headers;
        private final String body;

        Recorder(Instant receivedAt, OrchestrationOperation operation, String method, String path,
                Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
                boolean tokenRequest) {
            this.receivedAt = receivedAt;
            this.operation = operation;
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = redactHeaders(headers);
            String text = new String(body, 0, Math.min(body.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
            this.body = tokenRequest ? TokenEndpoint.redactForm(text) : text;
        }

        void done(int status, Map<String, List<String>> responseHeaders, String responseBody) {
            recorder.record(new ReceivedExchange(receivedAt, operation, method, path, query, headers, body, status,
                    responseHeaders, responseBody));
        }
    }

    private static Map<String, List<String>> redactHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
                List<String> masked = new ArrayList<>();
                for (String value : values) {
                    int space = value.indexOf(' ');
                    masked.add(space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED);
                }
                copy.put(name, List.copyOf(masked));
            }
            else {
                copy.put(name, values);
            }
        });
        return copy;
    }

    /**
     * The token as go-libs' {@code claimsFromRequest} reads it: the first {@code Authorization} header, starting
     * with {@code Bearer} or {@code bearer} (no other case), the rest with white space trimmed.
     */
    private static String bearerToken(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("Authorization") && !entry.getValue().isEmpty()) {
                String value = entry.getValue().get(0);
                if (value.startsWith("Bearer") || value.startsWith("bearer")) {
                    return value.substring(6).strip();
                }
                return null;
            }
        }
        return null;
    }

    private static long contentLength(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("Content-Length") && !entry.getValue().isEmpty()) {
                try {
                    return Long.parseLong(entry.getValue().get(0).strip());
                }
                catch (NumberFormatException ex) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.contains(";")) {
                continue; // Go's ParseQuery drops pairs holding a semicolon
            }
            int eq = pair.indexOf('=');
            String name = GoPaths.unescape((eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' '));
            String value = eq < 0 ? "" : GoPaths.unescape(pair.substring(eq + 1).replace('+', ' '));
            if (name == null || value == null) {
                continue; // and pairs with an invalid escape
            }
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        query.replaceAll((name, values) -> List.copyOf(values));
        return query;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanosPart() % 1_000_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
