package io.github.formancecommunity.orchestration.client.auth;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth2 token endpoint, called with the client-credentials grant: a form POST of {@code grant_type},
 * {@code client_id}, {@code client_secret} and {@code scope}, answered by {@code {access_token, expires_in,
 * token_type}}. Every failure becomes an {@link OrchestrationAuthenticationException} whose message says what went
 * wrong without the client secret or a token.
 */
final class TokenEndpoint implements TokenFetcher, AutoCloseable {

    /** Longest response body read; a token response is a few hundred bytes. */
    static final int MAX_BODY = 64 * 1024;

    private static final int MAX_EXCERPT = 200;

    /** Prefix of the names of the HTTP client's worker threads. */
    static final String THREAD_NAME_PREFIX = "formance-orchestration-token-";

    private final URI uri;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ExecutorService workers;

    TokenEndpoint(URI uri, String clientId, String clientSecret, Duration connectTimeout, Duration requestTimeout) {
        this(uri, clientId, clientSecret, connectTimeout, requestTimeout, workers());
    }

    private TokenEndpoint(URI uri, String clientId, String clientSecret, Duration connectTimeout,
            Duration requestTimeout, ExecutorService workers) {
        this(uri, clientId, clientSecret, HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(workers)
                .build(), requestTimeout, workers);
    }

    TokenEndpoint(URI uri, String clientId, String clientSecret, HttpClient http, Duration requestTimeout) {
        this(uri, clientId, clientSecret, http, requestTimeout, null);
    }

    private TokenEndpoint(URI uri, String clientId, String clientSecret, HttpClient http, Duration requestTimeout,
            ExecutorService workers) {
        this.uri = uri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.workers = workers;
    }

    /** Daemon worker threads owned by this endpoint, so that {@link #close()} can stop them. */
    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /**
     * Stops the worker threads of the HTTP client this endpoint created and, on Java 21 and later, the client
     * itself. On Java 17 the client's selector thread cannot be stopped: it ends once the client is garbage
     * collected.
     */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // closing is best effort; nothing is left to release
            }
        }
    }

    URI uri() {
        return uri;
    }

    @Override
    public AccessToken fetch(String scope) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(scope), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                info -> new BoundedBodySubscriber(MAX_BODY + 1));
        HttpResponse<byte[]> response;
        try {
            // bounds the whole exchange, body included; the request's own time-out only covers the headers
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            exchange.cancel(true);
            throw failure(scope, "no response within " + describe(requestTimeout) + " (read time-out)", -1, ex);
        }
        catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(scope, "the calling thread was interrupted while waiting for the token endpoint", -1, ex);
        }
        catch (ExecutionException ex) {
            throw transportFailure(scope, ex.getCause() == null ? ex : ex.getCause());
        }
        byte[] body = response.body();
        return read(scope, response.statusCode(), contentType(response), body);
    }

    private OrchestrationAuthenticationException transportFailure(String scope, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(scope, "could not connect within " + describe(connectTimeout()) + " (connect time-out)",
                    -1, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return failure(scope, "no response within " + describe(requestTimeout) + " (read time-out)", -1, cause);
        }
        if (cause instanceof ConnectException) {
            return failure(scope, "could not connect (" + reason(cause) + ")", -1, cause);
        }
        return failure(scope, "the exchange failed (" + reason(cause) + ")", -1, cause);
    }

    private AccessToken read(String scope, int status, String contentType, byte[] body) {
        if (status < 200 || status > 299) {
            throw failure(scope, "HTTP " + status + describeError(contentType, body) + hint(status), status, null);
        }
        if (body.length > MAX_BODY) {
            throw failure(scope, "HTTP " + status + " with a body larger than " + MAX_BODY + " bytes", status, null);
        }
        JsonNode json;
        try {
            json = OrchestrationJson.mapper().readTree(body);
        }
        catch (JacksonException ex) {
            // The body of a 2xx may hold a token: it is never quoted.
            throw failure(scope, "HTTP " + status + " with a body that is not JSON ("
                    + (contentType == null ? "no content type" : contentType) + ", " + body.length + " bytes)",
                    status, null);
        }
        if (json == null || !json.isObject()) {
            throw failure(scope, "HTTP " + status + " with JSON that is not an object", status, null);
        }
        JsonNode accessToken = json.get("access_token");
        if (accessToken == null || !accessToken.isString() || accessToken.stringValue().isBlank()) {
            throw failure(scope, "HTTP " + status + " without an access_token", status, null);
        }
        JsonNode tokenType = json.get("token_type");
        if (tokenType != null && !tokenType.isNull()
                && !(tokenType.isString() && tokenType.stringValue().equalsIgnoreCase("bearer"))) {
            throw failure(scope, "HTTP " + status + " with token_type '" + excerpt(tokenType.asString(""))
                    + "', expected Bearer", status, null);
        }
        return new AccessToken(accessToken.stringValue(), lifetime(json.get("expires_in")));
    }

    /** {@code expires_in} in seconds, as a number or a numeric string; {@code null} when absent or not positive. */
    private static Duration lifetime(JsonNode expiresIn) {
        if (expiresIn == null) {
            return null;
        }
        long seconds;
        if (expiresIn.isNumber() && expiresIn.canConvertToLong()) {
            seconds = expiresIn.longValue();
        }
        else if (expiresIn.isString()) {
            try {
                seconds = Long.parseLong(expiresIn.stringValue().strip());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        else {
            return null;
        }
        return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }

    private String describeError(String contentType, byte[] body) {
        if (body.length == 0) {
            return " with an empty body";
        }
        String text = new String(body, 0, Math.min(body.length, MAX_BODY), StandardCharsets.UTF_8);
        try {
            JsonNode json = OrchestrationJson.mapper().readTree(text);
            if (json != null && json.isObject() && json.has("error")) {
                JsonNode description = json.get("error_description");
                return ": " + excerpt(json.get("error").asString(""))
                        + (description == null || description.isNull() ? "" : " (" + excerpt(description.asString(""))
                                + ")");
            }
        }
        catch (JacksonException notJson) {
            // described below
        }
        return " with a " + (contentType == null ? "body without content type" : contentType + " body") + ": "
                + excerpt(text);
    }

    private static String hint(int status) {
        return status == 400 || status == 401 || status == 403
                ? "; check formance.orchestration.auth.client-id and client-secret" : "";
    }

    /** At most {@value #MAX_EXCERPT} characters on one line, with the client secret masked. */
    private String excerpt(String text) {
        String line = scrub(text).replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_EXCERPT ? line : line.substring(0, MAX_EXCERPT) + "...";
    }

    private String scrub(String text) {
        if (clientSecret.isEmpty()) {
            return text;
        }
        return text.replace(clientSecret, "****").replace(encode(clientSecret), "****");
    }

    private String reason(Throwable ex) {
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + excerpt(ex.getMessage()));
    }

    private Duration connectTimeout() {
        return http.connectTimeout().orElse(requestTimeout);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private OrchestrationAuthenticationException failure(String scope, String what, int status, Throwable cause) {
        return new OrchestrationAuthenticationException("Could not obtain an access token for scope '" + scope
                + "' from " + uri + " (client '" + clientId + "'): " + what, status, cause);
    }

    private String form(String scope) {
        return "grant_type=client_credentials"
                + "&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret)
                + "&scope=" + encode(scope);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").map(value -> value.toLowerCase(Locale.ROOT))
                .orElse(null);
    }

    @Override
    public String toString() {
        return "TokenEndpoint[uri=" + uri + ", clientId=" + clientId + ", clientSecret=****]";
    }
}
