package io.github.formancecommunity.orchestration.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * A failure the embedded server applies to the next matching requests, before it handles them normally.
 *
 * <p>A fault is immutable: pick the requests it applies to, then what happens to them, then how many times.
 *
 * <pre>{@code
 * server.inject(Fault.on(OrchestrationOperation.GET_INSTANCE).respond(503).times(2));
 * server.inject(Fault.on(OrchestrationOperation.LIST_WORKFLOWS).delay(Duration.ofSeconds(2)));
 * server.inject(Fault.onPath("POST", "/api/auth/oauth/token").respond(500));
 * server.inject(Fault.onAnyRequest().disconnect());
 * server.inject(Fault.on(OrchestrationOperation.RUN_WORKFLOW)
 *         .respond(502, "<html>Bad Gateway</html>", "text/html"));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #respond(int)} answers with that status instead of handling the request: an error body in the
 *       server's format ({@code VALIDATION} for 400, {@code NOT_FOUND} for 404, {@code INTERNAL} for any other
 *       status from 400 up), an empty body for 401 and for statuses below 400;</li>
 *   <li>{@link #delay(Duration)} waits before going on (to the response of {@link #respond}, or to the normal
 *       handling when no status is set);</li>
 *   <li>{@link #disconnect()} closes the connection without any response, after the delay if one is set.</li>
 * </ul>
 * A fault applies once unless {@link #times(int)} says otherwise. Authentication is checked after faults, so a
 * fault also hits requests without a valid token.
 */
public final class Fault {

    private final OrchestrationOperation operation;
    private final String method;
    private final Pattern path;
    private final int status;
    private final String body;
    private final String contentType;
    private final Map<String, String> headers;
    private final Duration delay;
    private final boolean disconnect;
    private final int times;

    private Fault(OrchestrationOperation operation, String method, Pattern path, int status, String body,
            String contentType, Map<String, String> headers, Duration delay, boolean disconnect, int times) {
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.headers = headers;
        this.delay = delay;
        this.disconnect = disconnect;
        this.times = times;
    }

    /** A fault for the requests of one V1 operation. */
    public static Fault on(OrchestrationOperation operation) {
        Objects.requireNonNull(operation, "operation");
        return new Fault(operation, null, null, 0, null, null, Map.of(), Duration.ZERO, false, 1);
    }

    /**
     * A fault for the requests whose raw path (including the path prefix, without the query) matches a regular
     * expression, whatever their method; e.g. {@code "/api/auth/oauth/token"} or
     * {@code "/api/orchestration/instances/.+"}.
     */
    public static Fault onPath(String pathRegex) {
        return onPath(null, pathRegex);
    }

    /** A fault for the requests with that method ({@code null} for any) whose raw path matches the expression. */
    public static Fault onPath(String method, String pathRegex) {
        Objects.requireNonNull(pathRegex, "pathRegex");
        Pattern pattern;
        try {
            pattern = Pattern.compile(pathRegex);
        }
        catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException("pathRegex is not a valid regular expression: " + ex.getMessage(),
                    ex);
        }
        return new Fault(null, method == null ? null : method.toUpperCase(java.util.Locale.ROOT), pattern, 0, null,
                null, Map.of(), Duration.ZERO, false, 1);
    }

    /** A fault for any request, the token endpoint included. */
    public static Fault onAnyRequest() {
        return onPath(null, ".*");
    }

    /** Answers with this status and the server's default body for it. */
    public Fault respond(int httpStatus) {
        return respond(httpStatus, null, null);
    }

    /**
     * Answers with this status and body.
     *
     * @param httpStatus      a status from 100 to 599
     * @param responseBody    the body, {@code null} for the server's default
     * @param bodyContentType its content type, {@code null} for {@code application/json}
     */
    public Fault respond(int httpStatus, String responseBody, String bodyContentType) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, got " + httpStatus);
        }
        if (disconnect) {
            throw new IllegalStateException("a fault cannot both respond and disconnect");
        }
        return new Fault(operation, method, path, httpStatus, responseBody, bodyContentType, headers, delay, false,
                times);
    }

    /** Adds a header to the response of {@link #respond}, e.g. {@code Retry-After}. */
    public Fault withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fault(operation, method, path, status, body, contentType, Map.copyOf(copy), delay, disconnect,
                times);
    }

    /** Waits this long before answering or handling the request. */
    public Fault delay(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + wait);
        }
        return new Fault(operation, method, path, status, body, contentType, headers, wait, disconnect, times);
    }

    /** Closes the connection without answering, so that the client sees a transport failure. */
    public Fault disconnect() {
        if (status != 0) {
            throw new IllegalStateException("a fault cannot both respond and disconnect");
        }
        return new Fault(operation, method, path, 0, null, null, headers, delay, true, times);
    }

    /** Applies the fault to this many matching requests (default 1). */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + count);
        }
        return new Fault(operation, method, path, status, body, contentType, headers, delay, disconnect, count);
    }

    boolean matches(String requestMethod, String rawPath, OrchestrationOperation requestOperation) {
        if (operation != null) {
            return operation == requestOperation;
        }
        return (method == null || method.equals(requestMethod)) && path.matcher(rawPath).matches();
    }

    boolean hasAction() {
        return status != 0 || disconnect || !delay.isZero();
    }

    int status() {
        return status;
    }

    Duration delayDuration() {
        return delay;
    }

    boolean isDisconnect() {
        return disconnect;
    }

    int timesCount() {
        return times;
    }

    HttpReply reply() {
        HttpReply reply;
        if (body != null) {
            reply = new HttpReply(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    contentType == null ? HttpReply.JSON : contentType, Map.of(), null);
        }
        else if (status >= 400 && status != 401) {
            String code = status == 400 ? "VALIDATION" : status == 404 ? "NOT_FOUND" : "INTERNAL";
            reply = HttpReply.json(status, WireRenderer.error(code, "injected failure (HTTP " + status + ")"));
        }
        else {
            reply = HttpReply.empty(status);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            reply = reply.withHeader(header.getKey(), header.getValue());
        }
        return reply;
    }

    @Override
    public String toString() {
        String target = operation != null ? operation.operationId()
                : (method == null ? "*" : method) + " " + path.pattern();
        String action = disconnect ? "disconnect" : status != 0 ? "respond " + status : "handle";
        return "Fault[" + target + ": " + (delay.isZero() ? "" : "delay " + delay + ", ") + action + ", times="
                + times + "]";
    }
}
