package io.github.formancecommunity.orchestration.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import feign.Client;
import feign.Logger;
import feign.Request;
import io.github.formancecommunity.orchestration.client.auth.ClientCredentialsTokenSource;
import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationConvention;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an {@link OrchestrationV1Client} in plain Java, without Spring Boot, with everything the starter adds:
 * OAuth2 client credentials ({@link #clientCredentials}), retries of idempotent operations ({@link #retry}), a
 * Resilience4j circuit breaker ({@link #circuitBreaker}) and a Micrometer observation with its request timer
 * ({@link #observationRegistry}, {@link #meterRegistry}). Resilience4j and Micrometer are optional dependencies:
 * only the methods that take their types need them on the class path.
 *
 * <pre>{@code
 * try (OrchestrationV1Client client = OrchestrationV1Client.builder()
 *         .baseUrl("https://org-stack.eu.sandbox.formance.cloud")
 *         .clientCredentials(System.getenv("FORMANCE_CLIENT_ID"), System.getenv("FORMANCE_CLIENT_SECRET"))
 *         .retry()
 *         .build()) {
 *     List<Workflow> workflows = client.listWorkflows();
 * }
 * }</pre>
 *
 * Defaults: base URL {@code http://localhost}, path prefix {@code /api/orchestration}, connect time-out 5 s,
 * read time-out 30 s, run-wait time-out 5 min, attempt time limit 35 s (connect plus read), call time limit 70 s
 * (twice the attempt limit), response bodies up to 32 MiB after decompression, at most 100 response header fields
 * of at most 8 KiB each, 50 pooled connections, no authentication, no retries, no circuit breaker, no observation,
 * no logging.
 *
 * <p>The decorations wrap each call in this order, outermost first: the observation (one per call, retries
 * included), the retries, the circuit breaker (once per attempt), then the {@linkplain #interceptor interceptors}
 * in the order they were added.
 *
 * <p>Without {@link #proxy(OrchestrationProxy)} the JVM's proxy settings apply
 * ({@link java.net.ProxySelector#getDefault()}); without {@link #sslContext(SSLContext)} the JVM's default trust store.
 */
public final class OrchestrationClientBuilder {

    /** The default path prefix of the V1 API behind the Formance Stack gateway. */
    public static final String DEFAULT_PATH_PREFIX = "/api/orchestration";

    /** The default token URL, resolved against the base URL: the Formance Stack's auth service. */
    public static final String DEFAULT_TOKEN_URL = "/api/auth/oauth/token";

    private static final Pattern CREDENTIALS = Pattern.compile("^([^/?#]*//)?[^/?#@]*@");

    private @Nullable String baseUrl = "http://localhost";
    private @Nullable String pathPrefix = DEFAULT_PATH_PREFIX;
    private @Nullable BearerTokenSource tokenSource;
    private @Nullable Duration connectTimeout = Duration.ofSeconds(5);
    private @Nullable Duration readTimeout = Duration.ofSeconds(30);
    private @Nullable Duration runWaitTimeout = Duration.ofMinutes(5);
    private int maxConnections = 50;
    private @Nullable Duration attemptTimeout; // null: connect + read
    private @Nullable Duration callTimeout; // null: twice the attempt time-out
    private int maxResponseBodySize = ResponseLimits.DEFAULT_MAX_BODY_SIZE;
    private int maxHeaderCount = ResponseLimits.DEFAULT_MAX_HEADER_COUNT;
    private int maxHeaderLineLength = ResponseLimits.DEFAULT_MAX_HEADER_LINE_LENGTH;
    private @Nullable LogLevel logLevel = LogLevel.NONE;
    private @Nullable Supplier<JsonMapper> mapper = new SharedMapper();
    private boolean lazy;
    private @Nullable Client httpClient;
    private @Nullable OrchestrationProxy proxy;
    private @Nullable SSLContext sslContext;
    private @Nullable OrchestrationFeignTargetFactory targetFactory;
    private final List<OrchestrationCallInterceptor> interceptors = new ArrayList<>();
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private Duration tokenRefreshBeforeExpiry = Duration.ofSeconds(30);
    private @Nullable OrchestrationCallInterceptor retry;
    private @Nullable OrchestrationCallInterceptor circuitBreaker;
    private @Nullable ObservationRegistry observationRegistry;
    private @Nullable MeterRegistry meterRegistry;
    private @Nullable OrchestrationObservationConvention observationConvention;
    private final List<OrchestrationFeignBuilderCustomizer> customizers = new ArrayList<>();

    OrchestrationClientBuilder() {
    }

    /** The stack URL, e.g. {@code https://org-stack.eu.sandbox.formance.cloud}; http or https, no query. */
    public OrchestrationClientBuilder baseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** The prefix of the V1 paths: {@code /api/orchestration} through the gateway, empty for the service itself. */
    public OrchestrationClientBuilder pathPrefix(@Nullable String pathPrefix) {
        this.pathPrefix = pathPrefix;
        return this;
    }

    /** A static bearer token sent with every request. */
    public OrchestrationClientBuilder bearerToken(String token) {
        this.tokenSource = BearerTokenSource.of(token);
        this.clientId = null;
        this.clientSecret = null;
        return this;
    }

    /** Where tokens come from, e.g. an OAuth2 client-credentials source; {@code null} for none. */
    public OrchestrationClientBuilder tokenSource(@Nullable BearerTokenSource tokenSource) {
        this.tokenSource = tokenSource;
        this.clientId = null;
        this.clientSecret = null;
        return this;
    }

    /**
     * OAuth2 client credentials: the client fetches a token per scope ({@code orchestration:read} for GET,
     * {@code orchestration:write} otherwise) from the {@linkplain #tokenUrl token URL} on first use, caches it until
     * {@linkplain #tokenRefreshBeforeExpiry shortly before it expires}, lets concurrent callers share one token
     * request, and retries a call once with a new token when the server answers 401. The client closes the token
     * source it creates. Replaces any {@link #bearerToken} or {@link #tokenSource}.
     *
     * @param clientId     the OAuth2 client id
     * @param clientSecret the OAuth2 client secret; never logged nor shown by {@code toString()}
     * @return this builder
     */
    public OrchestrationClientBuilder clientCredentials(String clientId, String clientSecret) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.tokenSource = null;
        return this;
    }

    /**
     * The token endpoint of {@link #clientCredentials}: an absolute URL, or a path resolved against the base URL
     * ({@code /api/auth/oauth/token}, the default, replaces the base URL's path; a path without a leading
     * {@code /} is appended to it).
     *
     * @param tokenUrl the token URL
     * @return this builder
     */
    public OrchestrationClientBuilder tokenUrl(String tokenUrl) {
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        return this;
    }

    /**
     * How long before its expiry a {@link #clientCredentials} token is replaced (default 30 s). When the margin is
     * not shorter than the token's lifetime, the token is replaced after half its lifetime.
     *
     * @param refreshBeforeExpiry zero or a positive duration
     * @return this builder
     */
    public OrchestrationClientBuilder tokenRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
        this.tokenRefreshBeforeExpiry = Objects.requireNonNull(refreshBeforeExpiry, "refreshBeforeExpiry");
        return this;
    }

    /**
     * Retries idempotent operations (GET, DELETE and the PUT abort; never a POST) with the starter's defaults:
     * 3 attempts, back-off 200 ms doubling up to 2 s, {@code Retry-After} honoured up to that cap.
     *
     * @return this builder
     * @see #retry(int, Duration, Duration, double)
     */
    public OrchestrationClientBuilder retry() {
        return retry(3, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0);
    }

    /**
     * Retries idempotent operations (GET, DELETE and the PUT abort; never a POST) that fail with an I/O error, a
     * time-out, or HTTP 429, 502, 503 or 504, on the caller's thread. The wait before retry {@code n} (from 0) is
     * {@code initialBackoff × multiplier^n} capped at {@code maxBackoff}, or the response's {@code Retry-After}
     * when longer, still capped at {@code maxBackoff}. An open circuit is never retried.
     *
     * @param maxAttempts    attempts in total, the first included, at least 1 (1 turns retries off)
     * @param initialBackoff wait before the first retry, zero or more
     * @param maxBackoff     longest wait, at least {@code initialBackoff}
     * @param multiplier     growth of the wait, a finite number of at least 1
     * @return this builder
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public OrchestrationClientBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            double multiplier) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be zero or positive, got " + initialBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff
                    + "), got " + maxBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got " + multiplier);
        }
        this.retry = new OrchestrationRetryInterceptor(maxAttempts, initialBackoff, maxBackoff, multiplier);
        return this;
    }

    /**
     * Guards every attempt with a Resilience4j circuit breaker, on the caller's thread: 5xx responses and I/O
     * failures count as failures, other answers as successes; an open breaker fails the call with
     * {@link OrchestrationCircuitOpenException} without sending it. Needs {@code resilience4j-circuitbreaker}.
     *
     * @param circuitBreaker the breaker
     * @return this builder
     */
    public OrchestrationClientBuilder circuitBreaker(CircuitBreaker circuitBreaker) {
        this.circuitBreaker = new OrchestrationCircuitBreakerInterceptor(circuitBreaker);
        return this;
    }

    /**
     * Makes each call one Micrometer observation in this registry (see
     * {@link io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor}):
     * the registry's handlers make the timer {@code formance.orchestration.client.requests} (Micrometer's
     * {@code DefaultMeterObservationHandler}) and the span (Micrometer Tracing), whose {@code traceparent} goes
     * with the request. Needs {@code micrometer-observation}.
     *
     * @param observationRegistry the registry
     * @return this builder
     */
    public OrchestrationClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
        return this;
    }

    /**
     * Records the request timer {@code formance.orchestration.client.requests} in this registry; ignored when an
     * {@link #observationRegistry} is set, whose handlers then make the timer. Needs {@code micrometer-core}.
     *
     * @param meterRegistry the registry
     * @return this builder
     */
    public OrchestrationClientBuilder meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        return this;
    }

    /**
     * The convention naming the observation and its key values, replacing
     * {@link io.github.formancecommunity.orchestration.client.observation.DefaultOrchestrationObservationConvention}.
     *
     * @param convention the convention, or {@code null} for the default one
     * @return this builder
     */
    public OrchestrationClientBuilder observationConvention(@Nullable OrchestrationObservationConvention convention) {
        this.observationConvention = convention;
        return this;
    }

    /** The connect time-out. */
    public OrchestrationClientBuilder connectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** The read time-out of every call except {@code runWorkflow} with {@code wait=true}. */
    public OrchestrationClientBuilder readTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    /** The read time-out of {@code runWorkflow} with {@code wait=true}, which answers only when the run ends. */
    public OrchestrationClientBuilder runWaitTimeout(@Nullable Duration runWaitTimeout) {
        this.runWaitTimeout = runWaitTimeout;
        return this;
    }

    /**
     * The time limit of one attempt: connect, send, response headers and body together; {@code null} (the
     * default) for the connect time-out plus the read time-out, 35 s with the defaults. On expiry the request is
     * aborted, its connection discarded, and the call ends with an {@link OrchestrationTimeoutException} (a retry
     * may follow). {@code runWorkflow} with {@code wait=true} gets at least the connect plus the run-wait time-out.
     * Applies to the built-in HTTP client, not to one set with {@link #httpClient(Client)}.
     */
    public OrchestrationClientBuilder attemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
        return this;
    }

    /**
     * The time limit of a whole call, retries and back-offs included; {@code null} (the default) for twice the
     * attempt time-out, 70 s with the defaults. No retry starts, and no back-off waits, past it.
     * {@code runWorkflow} with {@code wait=true} gets at least its attempt time-out.
     */
    public OrchestrationClientBuilder callTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
        return this;
    }

    /**
     * The largest response body accepted, in bytes after decompression; default 32 MiB. A larger body ends the
     * call with an {@link OrchestrationResponseException} as soon as the limit is passed, before it is buffered.
     */
    public OrchestrationClientBuilder maxResponseBodySize(int maxResponseBodySize) {
        this.maxResponseBodySize = maxResponseBodySize;
        return this;
    }

    /** The most header fields a response may have; default 100. Applies to the built-in HTTP client. */
    public OrchestrationClientBuilder maxHeaderCount(int maxHeaderCount) {
        this.maxHeaderCount = maxHeaderCount;
        return this;
    }

    /**
     * The longest status or header line of a response, in bytes; default 8192. Applies to the built-in HTTP
     * client.
     */
    public OrchestrationClientBuilder maxHeaderLineLength(int maxHeaderLineLength) {
        this.maxHeaderLineLength = maxHeaderLineLength;
        return this;
    }

    /** The size of the connection pool (ignored when {@link #httpClient(Client)} is set). */
    public OrchestrationClientBuilder maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return this;
    }

    /** How much of each exchange to log; {@code Authorization} is never logged. */
    public OrchestrationClientBuilder logLevel(@Nullable LogLevel logLevel) {
        this.logLevel = logLevel;
        return this;
    }

    /** The JSON mapper; defaults to {@link OrchestrationJson#mapper()}. */
    public OrchestrationClientBuilder jsonMapper(@Nullable JsonMapper mapper) {
        this.mapper = mapper == null ? null : () -> mapper;
        return this;
    }

    /** A Feign HTTP client to use instead of the built-in pooled Apache HttpClient 5. It is not closed. */
    public OrchestrationClientBuilder httpClient(@Nullable Client httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * The HTTP proxy every request goes through (https through a {@code CONNECT} tunnel), overriding the JVM's
     * proxy settings; {@code null} (the default) follows the JVM's settings through
     * {@link java.net.ProxySelector#getDefault()}, asked for each request. Ignored when
     * {@link #httpClient(Client)} is set.
     */
    public OrchestrationClientBuilder proxy(OrchestrationProxy proxy) {
        this.proxy = proxy;
        return this;
    }

    /**
     * The TLS context of https connections: the certificate authorities the client trusts and, for mutual TLS, its
     * key material. {@code null} (the default) uses the JVM's defaults, set up on the first https connection.
     * The server's host name is always verified against its certificate. Ignored when {@link #httpClient(Client)}
     * is set.
     */
    public OrchestrationClientBuilder sslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    /**
     * Creates the Feign target through a factory, e.g. as a Spring Cloud OpenFeign client, instead of through
     * {@code Feign.builder()}; {@code null} (the default) for the client's own. The factory also decides which base
     * URLs other than http and https it serves, such as {@code lb://service-id}. With a factory, the HTTP client
     * comes from the factory unless it has none; {@link #httpClient(Client)} and {@link #maxConnections(int)} apply
     * only to the client's own transport.
     */
    public OrchestrationClientBuilder targetFactory(@Nullable OrchestrationFeignTargetFactory targetFactory) {
        this.targetFactory = targetFactory;
        return this;
    }

    /** Adds an interceptor; the first added runs outermost. */
    public OrchestrationClientBuilder interceptor(OrchestrationCallInterceptor interceptor) {
        this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        return this;
    }

    /** Adds a customizer of the Feign builder, applied last. */
    public OrchestrationClientBuilder feignCustomizer(OrchestrationFeignBuilderCustomizer customizer) {
        this.customizers.add(Objects.requireNonNull(customizer, "customizer"));
        return this;
    }

    /**
     * Whether {@link #build()} leaves the JSON mapper, the connection pool and the Feign target to the client's
     * first call (or {@link OrchestrationV1Client#warmUp()}); default {@code false}. Building them loads Jackson,
     * Apache HttpClient 5 and Feign, about half a second in a cold JVM, which a lazy client takes out of the
     * application's start-up. The settings are checked by {@link #build()} either way; a
     * {@linkplain #feignCustomizer customizer} of a lazy client runs, and may fail, on that first call.
     */
    public OrchestrationClientBuilder lazy(boolean lazy) {
        this.lazy = lazy;
        return this;
    }

    /**
     * Builds the client. No network call is made.
     *
     * @throws IllegalArgumentException when a setting is invalid, naming it
     */
    public OrchestrationV1Client build() {
        List<InvalidSetting> invalid = validate();
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException(invalid.get(0).message());
        }
        String base = normalizeBaseUrl(baseUrl, targetFactory);
        String prefix = normalizePrefix(pathPrefix);
        String target = base + prefix;
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(mapper, "jsonMapper");

        List<AutoCloseable> owned = new ArrayList<>();
        BearerTokenSource tokens = tokenSource;
        if (clientId != null && clientSecret != null) {
            ClientCredentialsTokenSource credentials = clientCredentialsSource();
            owned.add(credentials);
            tokens = credentials;
        }
        String description = "OrchestrationV1Client[url=" + target + ", auth="
                + (tokens == null ? "none" : tokens.isRefreshable() ? "refreshable" : "static") + "]";
        // taken now, so that later changes to this builder do not reach the client; the wire itself is assembled
        // when first needed (lazy) or right below (eager)
        WireAssembly.Settings settings = wireSettings();
        Request.Options readOptions = options(readTimeout);
        OrchestrationFeignTargetFactory factoryOfTarget = targetFactory;
        BearerTokenSource wireTokens = tokens;
        Supplier<Wire.Parts> factory = factoryOfTarget == null
                ? () -> WireAssembly.ownTarget(settings, readOptions, target, wireTokens)
                : () -> WireAssembly.throughFactory(settings, factoryOfTarget, base, prefix, wireTokens);
        Wire wire;
        try {
            wire = lazy ? Wire.lazy(factory, description) : Wire.eager(factory, description);
        }
        catch (RuntimeException | Error ex) {
            owned.forEach(resource -> WireAssembly.closeQuietly(resource, ex));
            throw ex;
        }
        return new OrchestrationV1Client(wire, decorations(), tokens, options(runWaitTimeout), description, owned,
                deadlines());
    }

    private ClientCredentialsTokenSource clientCredentialsSource() {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
        if (tokenRefreshBeforeExpiry.isNegative()) {
            throw new IllegalArgumentException("tokenRefreshBeforeExpiry must be zero or positive, got "
                    + tokenRefreshBeforeExpiry);
        }
        return ClientCredentialsTokenSource.builder()
                .tokenUrl(normalizeBaseUrl(baseUrl, targetFactory), tokenUrl)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .refreshBeforeExpiry(tokenRefreshBeforeExpiry)
                .proxy(proxy)
                .sslContext(sslContext)
                .build();
    }

    /** The interceptors of a call, outermost first: observation, retries, circuit breaker, then the added ones. */
    private List<OrchestrationCallInterceptor> decorations() {
        List<OrchestrationCallInterceptor> chain = new ArrayList<>(interceptors.size() + 3);
        if (observationRegistry != null) {
            chain.add(new OrchestrationObservationInterceptor(observationRegistry, observationConvention));
        }
        else if (meterRegistry != null) {
            chain.add(OrchestrationObservationInterceptor.metrics(meterRegistry, observationConvention));
        }
        if (retry != null) {
            chain.add(retry);
        }
        if (circuitBreaker != null) {
            chain.add(circuitBreaker);
        }
        chain.addAll(interceptors);
        return chain;
    }

    private Deadlines deadlines() {
        return Deadlines.of(connectTimeout, readTimeout, runWaitTimeout, attemptTimeout, callTimeout);
    }

    private WireAssembly.Settings wireSettings() {
        return new WireAssembly.Settings(Objects.requireNonNull(mapper, "jsonMapper"),
                Logger.Level.valueOf(Objects.requireNonNull(logLevel, "logLevel").name()), List.copyOf(customizers),
                Objects.requireNonNull(connectTimeout, "connectTimeout"),
                Objects.requireNonNull(readTimeout, "readTimeout"), maxConnections, deadlines().attempt(),
                new ResponseLimits(maxResponseBodySize, maxHeaderCount, maxHeaderLineLength), proxy, sslContext,
                httpClient);
    }

    private Request.Options options(Duration read) {
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS, read.toMillis(),
                TimeUnit.MILLISECONDS, false);
    }

    /**
     * Checks the settings without building anything.
     *
     * @return every invalid setting, in the order of {@link Setting}; empty when {@link #build()} can proceed
     */
    public List<InvalidSetting> validate() {
        List<InvalidSetting> invalid = new ArrayList<>();
        String baseUrlProblem = checkBaseUrl(baseUrl, targetFactory);
        if (baseUrlProblem != null) {
            invalid.add(new InvalidSetting(Setting.BASE_URL, baseUrlProblem));
        }
        String prefixProblem = checkPathPrefix(pathPrefix);
        if (prefixProblem != null) {
            invalid.add(new InvalidSetting(Setting.PATH_PREFIX, prefixProblem));
        }
        positive(invalid, Setting.CONNECT_TIMEOUT, connectTimeout);
        positive(invalid, Setting.READ_TIMEOUT, readTimeout);
        positive(invalid, Setting.RUN_WAIT_TIMEOUT, runWaitTimeout);
        if (maxConnections < 1) {
            invalid.add(new InvalidSetting(Setting.MAX_CONNECTIONS, "must be at least 1, got " + maxConnections));
        }
        if (attemptTimeout != null) {
            positive(invalid, Setting.ATTEMPT_TIMEOUT, attemptTimeout);
        }
        if (callTimeout != null) {
            positive(invalid, Setting.CALL_TIMEOUT, callTimeout);
        }
        inRange(invalid, Setting.MAX_RESPONSE_BODY_SIZE, maxResponseBodySize, ResponseLimits.LARGEST_BODY);
        inRange(invalid, Setting.MAX_HEADER_COUNT, maxHeaderCount, Integer.MAX_VALUE);
        inRange(invalid, Setting.MAX_HEADER_LINE_LENGTH, maxHeaderLineLength, Integer.MAX_VALUE);
        return invalid;
    }

    private static void inRange(List<InvalidSetting> invalid, Setting setting, int value, int max) {
        if (value < 1 || value > max) {
            invalid.add(new InvalidSetting(setting, "must be between 1 and " + max + ", got " + value));
        }
    }

    private static void positive(List<InvalidSetting> invalid, Setting setting, @Nullable Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            invalid.add(new InvalidSetting(setting, "must be a positive duration, got " + value));
        }
    }

    /**
     * The rule every base URL follows: an absolute http or https URL with a host, without user credentials, query
     * or fragment. The one check of it, used by {@link #build()} and by the starter's property validator.
     *
     * @param baseUrl the URL to check
     * @return why the URL is not usable, quoting it with any credentials masked; {@code null} when it is usable
     */
    public static @Nullable String checkBaseUrl(@Nullable String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "must not be blank";
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        }
        catch (URISyntaxException ex) {
            // the exception's own message repeats the whole input, credentials included
            return "must be an absolute http or https URL with a host, got '" + maskCredentials(baseUrl) + "' ("
                    + ex.getReason() + ")";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            return "must be an absolute http or https URL with a host, such as "
                    + "https://org-stack.eu.sandbox.formance.cloud, got '" + maskCredentials(baseUrl) + "'";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return "must not contain user credentials, a query or a fragment, got '" + maskCredentials(baseUrl)
                    + "'";
        }
        return null;
    }

    /**
     * The rule every path prefix follows: a URL path, or empty.
     *
     * @param pathPrefix the prefix to check
     * @return why the prefix is not usable; {@code null} when it is usable
     */
    public static @Nullable String checkPathPrefix(@Nullable String pathPrefix) {
        if (pathPrefix == null || pathPrefix.isBlank()) {
            return null;
        }
        String text = pathPrefix.strip();
        boolean path;
        try {
            URI uri = new URI(text);
            path = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && !text.contains("?") && !text.contains("#");
        }
        catch (URISyntaxException ex) {
            path = false;
        }
        return path ? null : "must be a path such as /api/orchestration, or empty, got '" + pathPrefix + "'";
    }

    /**
     * The URL text with any {@code user:password@} before the host replaced by {@code ****@}: the one masking of
     * credentials in a URL, used in every message that quotes one.
     *
     * @param url the URL text
     * @return the masked text
     */
    public static String maskCredentials(String url) {
        return CREDENTIALS.matcher(url).replaceFirst("$1****@");
    }

    /**
     * The base URL rule with a target factory: an http or https URL as {@link #checkBaseUrl(String)} says, or a URL of
     * another scheme with a host and without credentials, query or fragment that the factory accepts
     * ({@link OrchestrationFeignTargetFactory#checkBaseUrl(URI)}), such as {@code lb://service-id}.
     *
     * @param baseUrl the URL to check
     * @param factory the target factory, {@code null} for none
     * @return why the URL is not usable; {@code null} when it is usable
     */
    public static @Nullable String checkBaseUrl(@Nullable String baseUrl,
            @Nullable OrchestrationFeignTargetFactory factory) {
        URI uri = otherScheme(baseUrl);
        if (uri == null) {
            return checkBaseUrl(baseUrl);
        }
        if (factory == null) {
            return checkBaseUrl(baseUrl) + ("lb".equalsIgnoreCase(uri.getScheme())
                    ? " (an lb:// service id needs the Spring Cloud OpenFeign integration)" : "");
        }
        try {
            factory.checkBaseUrl(uri);
            return null;
        }
        catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    /** The URL when it has a scheme other than http and https, a host, and no credentials, query or fragment. */
    private static @Nullable URI otherScheme(@Nullable String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(baseUrl.strip());
            String scheme = uri.getScheme();
            boolean other = scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            return other ? uri : null;
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }

    static String normalizeBaseUrl(String baseUrl) {
        return normalizeBaseUrl(baseUrl, null);
    }

    static String normalizeBaseUrl(String baseUrl, @Nullable OrchestrationFeignTargetFactory factory) {
        String problem = checkBaseUrl(baseUrl, factory);
        if (problem != null) {
            throw new IllegalArgumentException(Setting.BASE_URL.settingName() + " " + problem);
        }
        String text = URI.create(baseUrl.strip()).toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    static String normalizePrefix(@Nullable String prefix) {
        String problem = checkPathPrefix(prefix);
        if (problem != null) {
            throw new IllegalArgumentException(Setting.PATH_PREFIX.settingName() + " " + problem);
        }
        if (prefix == null || prefix.isBlank() || prefix.strip().equals("/")) {
            return "";
        }
        String text = prefix.strip();
        if (!text.startsWith("/")) {
            text = "/" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** A setting of the builder that {@link #validate()} checks. */
    public enum Setting {
        /** {@link #baseUrl(String)}. */
        BASE_URL("baseUrl"),
        /** {@link #pathPrefix(String)}. */
        PATH_PREFIX("pathPrefix"),
        /** {@link #connectTimeout(Duration)}. */
        CONNECT_TIMEOUT("connectTimeout"),
        /** {@link #readTimeout(Duration)}. */
        READ_TIMEOUT("readTimeout"),
        /** {@link #runWaitTimeout(Duration)}. */
        RUN_WAIT_TIMEOUT("runWaitTimeout"),
        /** {@link #maxConnections(int)}. */
        MAX_CONNECTIONS("maxConnections"),
        /** {@link #attemptTimeout(Duration)}. */
        ATTEMPT_TIMEOUT("attemptTimeout"),
        /** {@link #callTimeout(Duration)}. */
        CALL_TIMEOUT("callTimeout"),
        /** {@link #maxResponseBodySize(int)}. */
        MAX_RESPONSE_BODY_SIZE("maxResponseBodySize"),
        /** {@link #maxHeaderCount(int)}. */
        MAX_HEADER_COUNT("maxHeaderCount"),
        /** {@link #maxHeaderLineLength(int)}. */
        MAX_HEADER_LINE_LENGTH("maxHeaderLineLength");

        private final String settingName;

        Setting(String settingName) {
            this.settingName = settingName;
        }

        /**
         * The name of the builder method that sets it.
         *
         * @return the name, e.g. {@code baseUrl}
         */
        public String settingName() {
            return settingName;
        }
    }

    /**
     * An invalid setting found by {@link #validate()}.
     *
     * @param setting the setting
     * @param reason  what is wrong, without the setting's name and without secrets
     */
    public record InvalidSetting(Setting setting, String reason) {

        /**
         * The message {@link #build()} throws for it.
         *
         * @return the setting's name followed by the reason
         */
        public String message() {
            return setting.settingName() + " " + reason;
        }
    }

    @Override
    public String toString() {
        return "OrchestrationClientBuilder[baseUrl=" + (baseUrl == null ? null : maskCredentials(baseUrl))
                + ", pathPrefix=" + pathPrefix + ", auth="
                + (clientId != null ? "client credentials" : tokenSource == null ? "none" : "set") + ", proxy="
                + (proxy == null ? "system" : proxy) + ", tls=" + (sslContext == null ? "default" : "custom") + "]";
    }

    /**
     * {@link OrchestrationJson#mapper()}, asked for when the wire is built. A class rather than a method reference,
     * whose creation would load Jackson's mapper classes with the builder.
     */
    private static final class SharedMapper implements Supplier<JsonMapper> {

        @Override
        public JsonMapper get() {
            return OrchestrationJson.mapper();
        }
    }
}
