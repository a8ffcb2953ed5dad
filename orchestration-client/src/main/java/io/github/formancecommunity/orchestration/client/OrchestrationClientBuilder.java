package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import feign.Client;
import feign.Contract;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an {@link OrchestrationV1Client} in plain Java, without Spring Boot.
 *
 * <pre>{@code
 * try (OrchestrationV1Client client = OrchestrationV1Client.builder()
 *         .baseUrl("https://org-stack.eu.sandbox.formance.cloud")
 *         .bearerToken(System.getenv("FORMANCE_TOKEN"))
 *         .readTimeout(Duration.ofSeconds(10))
 *         .build()) {
 *     List<Workflow> workflows = client.listWorkflows();
 * }
 * }</pre>
 *
 * Defaults: base URL {@code http://localhost}, path prefix {@code /api/orchestration}, connect time-out 5 s,
 * read time-out 30 s, run-wait time-out 5 min, 50 pooled connections, no authentication, no logging.
 */
public final class OrchestrationClientBuilder {

    /** The default path prefix of the V1 API behind the Formance Stack gateway. */
    public static final String DEFAULT_PATH_PREFIX = "/api/orchestration";

    private static final Pattern CREDENTIALS = Pattern.compile("^([^/?#]*//)?[^/?#@]*@");

    private String baseUrl = "http://localhost";
    private String pathPrefix = DEFAULT_PATH_PREFIX;
    private BearerTokenSource tokenSource;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration runWaitTimeout = Duration.ofMinutes(5);
    private int maxConnections = 50;
    private LogLevel logLevel = LogLevel.NONE;
    private Supplier<JsonMapper> mapper = OrchestrationJson::mapper; // not resolved before the wire is built
    private boolean lazy;
    private Client httpClient;
    private OrchestrationFeignTargetFactory targetFactory;
    private final List<OrchestrationCallInterceptor> interceptors = new ArrayList<>();
    private final List<OrchestrationFeignBuilderCustomizer> customizers = new ArrayList<>();

    OrchestrationClientBuilder() {
    }

    /** The stack URL, e.g. {@code https://org-stack.eu.sandbox.formance.cloud}; http or https, no query. */
    public OrchestrationClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** The prefix of the V1 paths: {@code /api/orchestration} through the gateway, empty for the service itself. */
    public OrchestrationClientBuilder pathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
        return this;
    }

    /** A static bearer token sent with every request. */
    public OrchestrationClientBuilder bearerToken(String token) {
        this.tokenSource = BearerTokenSource.of(token);
        return this;
    }

    /** Where tokens come from, e.g. an OAuth2 client-credentials source; {@code null} for none. */
    public OrchestrationClientBuilder tokenSource(BearerTokenSource tokenSource) {
        this.tokenSource = tokenSource;
        return this;
    }

    /** The connect time-out. */
    public OrchestrationClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** The read time-out of every call except {@code runWorkflow} with {@code wait=true}. */
    public OrchestrationClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    /** The read time-out of {@code runWorkflow} with {@code wait=true}, which answers only when the run ends. */
    public OrchestrationClientBuilder runWaitTimeout(Duration runWaitTimeout) {
        this.runWaitTimeout = runWaitTimeout;
        return this;
    }

    /** The size of the connection pool (ignored when {@link #httpClient(Client)} is set). */
    public OrchestrationClientBuilder maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return this;
    }

    /** How much of each exchange to log; {@code Authorization} is never logged. */
    public OrchestrationClientBuilder logLevel(LogLevel logLevel) {
        this.logLevel = logLevel;
        return this;
    }

    /** The JSON mapper; defaults to {@link OrchestrationJson#mapper()}. */
    public OrchestrationClientBuilder jsonMapper(JsonMapper mapper) {
        this.mapper = mapper == null ? null : () -> mapper;
        return this;
    }

    /** A Feign HTTP client to use instead of the built-in pooled Apache HttpClient 5. It is not closed. */
    public OrchestrationClientBuilder httpClient(Client httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * Creates the Feign target through a factory, e.g. as a Spring Cloud OpenFeign client, instead of through
     * {@code Feign.builder()}; {@code null} (the default) for the client's own. The factory also decides which base
     * URLs other than http and https it serves, such as {@code lb://service-id}. With a factory, the HTTP client
     * comes from the factory unless it has none; {@link #httpClient(Client)} and {@link #maxConnections(int)} apply
     * only to the client's own transport.
     */
    public OrchestrationClientBuilder targetFactory(OrchestrationFeignTargetFactory targetFactory) {
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
        String base = normalizeBaseUrl(baseUrl, targetFactory);
        String prefix = normalizePrefix(pathPrefix);
        String target = base + prefix;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(runWaitTimeout, "runWaitTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(mapper, "jsonMapper");

        String description = "OrchestrationV1Client[url=" + target + ", auth="
                + (tokenSource == null ? "none" : tokenSource.isRefreshable() ? "refreshable" : "static") + "]";
        Supplier<Wire.Parts> factory = targetFactory == null ? wireFactory(target)
                : factoryWire(targetFactory, base, prefix);
        Wire wire = lazy ? Wire.lazy(factory, description) : Wire.eager(factory, description);
        return new OrchestrationV1Client(wire, interceptors, tokenSource, options(runWaitTimeout), description);
    }

    /** Builds the wire from a snapshot of this builder's settings: later changes to the builder do not reach it. */
    private Supplier<Wire.Parts> wireFactory(String target) {
        Client givenClient = httpClient;
        Supplier<JsonMapper> mapperSource = mapper;
        BearerTokenSource tokens = tokenSource;
        Request.Options readOptions = options(readTimeout);
        Logger.Level level = Logger.Level.valueOf(logLevel.name());
        List<OrchestrationFeignBuilderCustomizer> feignCustomizers = List.copyOf(customizers);
        Duration connect = connectTimeout;
        Duration read = readTimeout;
        int poolSize = maxConnections;
        return () -> {
            JsonMapper json = Objects.requireNonNull(mapperSource.get(), "jsonMapper");
            Client client = givenClient;
            CloseableHttpClient pooled = null;
            if (client == null) {
                pooled = pooledHttpClient(connect, read, poolSize);
                client = new ApacheHttpClient5Transport(pooled, RequestConfig.DEFAULT);
            }
            Feign.Builder feign = Feign.builder()
                    .client(client)
                    .contract(new Contract.Default())
                    .encoder(new JsonEncoder(json))
                    .decoder(new EnvelopeDecoder(json))
                    .decodeVoid()
                    .errorDecoder(new ApiErrorDecoder(json, tokens))
                    .retryer(Retryer.NEVER_RETRY)
                    .options(readOptions)
                    .logger(new RedactingLogger())
                    .logLevel(level);
            if (tokens != null) {
                feign.requestInterceptor(new BearerAuthInterceptor(tokens));
            }
            try {
                feignCustomizers.forEach(customizer -> customizer.customize(feign));
                return new Wire.Parts(feign.target(OrchestrationV1Api.class, target), pooled,
                        () -> JsonPriming.prime(json));
            }
            catch (RuntimeException | Error ex) {
                closeQuietly(pooled, ex);
                throw ex;
            }
        };
    }

    /** Builds the wire through a target factory, from a snapshot of this builder's settings. */
    private Supplier<Wire.Parts> factoryWire(OrchestrationFeignTargetFactory factory, String base, String prefix) {
        Supplier<JsonMapper> mapperSource = mapper;
        BearerTokenSource tokens = tokenSource;
        Logger.Level level = Logger.Level.valueOf(logLevel.name());
        List<OrchestrationFeignBuilderCustomizer> feignCustomizers = List.copyOf(customizers);
        Duration connect = connectTimeout;
        Duration read = readTimeout;
        int poolSize = maxConnections;
        Client givenClient = httpClient;
        return () -> {
            JsonMapper json = Objects.requireNonNull(mapperSource.get(), "jsonMapper");
            OrchestrationFeignTarget<OrchestrationV1Api> target = new OrchestrationFeignTarget<>(
                    OrchestrationV1Api.class, base, prefix, connect, read, level, json, tokens, feignCustomizers,
                    () -> pooledHttpClient(connect, read, poolSize), givenClient);
            try {
                OrchestrationV1Api api = Objects.requireNonNull(factory.create(target),
                        "the target factory returned no Feign target");
                return new Wire.Parts(api, target, () -> JsonPriming.prime(json));
            }
            catch (RuntimeException | Error ex) {
                try {
                    target.close();
                }
                catch (IOException | RuntimeException closing) {
                    ex.addSuppressed(closing);
                }
                throw ex;
            }
        };
    }

    private static void closeQuietly(CloseableHttpClient pooled, Throwable failure) {
        if (pooled != null) {
            try {
                pooled.close();
            }
            catch (IOException | RuntimeException ex) {
                failure.addSuppressed(ex);
            }
        }
    }

    private Request.Options options(Duration read) {
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS, read.toMillis(),
                TimeUnit.MILLISECONDS, false);
    }

    private static CloseableHttpClient pooledHttpClient(Duration connectTimeout, Duration readTimeout,
            int maxConnections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new LazyTlsSocketStrategy())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    static String normalizeBaseUrl(String baseUrl) {
        return normalizeBaseUrl(baseUrl, null);
    }

    /** The base URL without trailing slashes; schemes other than http and https only as the factory allows. */
    static String normalizeBaseUrl(String baseUrl, OrchestrationFeignTargetFactory factory) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        }
        catch (URISyntaxException ex) {
            // Not chained: the cause's message repeats the whole input, credentials included.
            throw new IllegalArgumentException("baseUrl is not a valid URL: '" + withoutCredentials(baseUrl) + "' ("
                    + ex.getReason() + ")");
        }
        String scheme = uri.getScheme();
        boolean http = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        if (!http && scheme != null && uri.getHost() != null && uri.getRawUserInfo() == null
                && uri.getRawQuery() == null && uri.getRawFragment() == null) {
            if (factory == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with a host, got '"
                        + withoutCredentials(baseUrl) + "'" + ("lb".equalsIgnoreCase(scheme)
                                ? " (an lb:// service id needs the Spring Cloud OpenFeign integration)" : ""));
            }
            factory.checkBaseUrl(uri);
        }
        else if (!http || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with a host, got '"
                    + withoutCredentials(baseUrl) + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not carry a query, a fragment or credentials, got '" + uri.getScheme() + "://"
                            + uri.getHost() + "...'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** The URL text with any {@code user:password@} before the host replaced by {@code ****@}. */
    static String withoutCredentials(String url) {
        return CREDENTIALS.matcher(url).replaceFirst("$1****@");
    }

    static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String text = prefix.strip();
        if (!text.startsWith("/")) {
            text = "/" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.contains("?") || text.contains("#")) {
            throw new IllegalArgumentException("pathPrefix must be a path, got '" + prefix + "'");
        }
        return text;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    @Override
    public String toString() {
        return "OrchestrationClientBuilder[baseUrl=" + (baseUrl == null ? null : withoutCredentials(baseUrl))
                + ", pathPrefix=" + pathPrefix + ", auth="
                + (tokenSource == null ? "none" : "set") + "]";
    }
}
