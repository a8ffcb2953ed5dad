package io.github.formancecommunity.orchestration.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import feign.Client;
import feign.Contract;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an {@link OrchestrationFeignTargetFactory} needs to create the Feign target of one client: the wire
 * interface, the base URL and path prefix, the client's time-outs and log level as defaults, its own HTTP transport
 * for when the factory has none, and {@link #configure(Feign.Builder)}, which puts the client's own parts on the
 * factory's Feign builder.
 *
 * @param <T> the wire interface
 */
public final class OrchestrationFeignTarget<T> implements Closeable {

    private final Class<T> type;
    private final String baseUrl;
    private final String pathPrefix;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Logger.Level logLevel;
    private final JsonMapper mapper;
    private final @Nullable BearerTokenSource tokenSource;
    private final List<OrchestrationFeignBuilderCustomizer> customizers;
    private final Supplier<ApacheHttpClient5Transport> poolFactory;
    private final int maxBodySize;
    private final @Nullable Client givenClient;
    private @Nullable ApacheHttpClient5Transport pool; // guarded by this

    OrchestrationFeignTarget(Class<T> type, String baseUrl, String pathPrefix, Duration connectTimeout,
            Duration readTimeout, Logger.Level logLevel, JsonMapper mapper, @Nullable BearerTokenSource tokenSource,
            List<OrchestrationFeignBuilderCustomizer> customizers, Supplier<ApacheHttpClient5Transport> poolFactory,
            @Nullable Client givenClient, int maxBodySize) {
        this.type = type;
        this.baseUrl = baseUrl;
        this.pathPrefix = pathPrefix;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.logLevel = logLevel;
        this.mapper = mapper;
        this.tokenSource = tokenSource;
        this.customizers = customizers;
        this.poolFactory = poolFactory;
        this.givenClient = givenClient;
        this.maxBodySize = maxBodySize;
    }

    /** The wire interface to target; read by Feign's own contract, which {@link #configure} sets. */
    public Class<T> type() {
        return type;
    }

    /** The base URL without a trailing slash, e.g. {@code https://stack.example} or {@code lb://orchestration}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The path prefix, empty or starting with {@code /} and without a trailing slash. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** The client's connect time-out. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The client's read time-out for every call except {@code runWorkflow} with {@code wait=true}. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The client's connect and read time-outs as Feign options, redirects not followed.
     * {@code runWorkflow} with {@code wait=true} passes its own options with each call, whatever the builder has.
     */
    public Request.Options options() {
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS, readTimeout.toMillis(),
                TimeUnit.MILLISECONDS, false);
    }

    /** The client's wire log level. */
    public Logger.Level logLevel() {
        return logLevel;
    }

    /**
     * The client's own HTTP client, for a factory that has none of its own: the one given to
     * {@link OrchestrationClientBuilder#httpClient(Client)}, else the pooled Apache HttpClient 5 transport, created
     * on the first request for it and closed with the client.
     */
    public synchronized Client defaultClient() {
        if (givenClient != null) {
            return givenClient;
        }
        ApacheHttpClient5Transport http = pool;
        if (http == null) {
            http = poolFactory.get();
            pool = http;
        }
        return http;
    }

    /**
     * Puts the client's own parts on a Feign builder, replacing what the builder had: Feign's default contract,
     * the client's JSON encoder, envelope decoder and error decoder, no Feign retries (the client retries in its
     * interceptors), the redacting wire logger, the interceptors of the JSON headers ({@code Accept},
     * {@code Content-Type}, {@code Content-Length}), of the call's headers (trace context) and of the bearer token
     * (added to the builder's interceptors, local to this builder), then the client's
     * {@link OrchestrationFeignBuilderCustomizer}s. Leaves the HTTP client, the options, the log level, the other
     * request interceptors and the capabilities as they are.
     *
     * @param builder the factory's builder
     */
    public void configure(Feign.Builder builder) {
        builder.requestInterceptor(new JsonRequestHeaders());
        configure(builder, mapper, maxBodySize, tokenSource, customizers);
    }

    /**
     * The client's own parts on a Feign builder, but the JSON headers, which the builder's own target
     * ({@link BaseUrlTarget}) adds: used by {@link #configure(Feign.Builder)} and by the builder.
     */
    static void configure(Feign.Builder builder, JsonMapper mapper, int maxBodySize,
            @Nullable BearerTokenSource tokenSource, List<OrchestrationFeignBuilderCustomizer> customizers) {
        builder.contract(new Contract.Default())
                .encoder(new JsonEncoder(mapper))
                .decoder(new EnvelopeDecoder(mapper, maxBodySize))
                .decodeVoid()
                .errorDecoder(new ApiErrorDecoder(mapper, tokenSource))
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingLogger())
                .requestInterceptor(new CallHeaders.Interceptor());
        if (tokenSource != null) {
            builder.requestInterceptor(new BearerAuthInterceptor(tokenSource));
        }
        customizers.forEach(customizer -> customizer.customize(builder));
    }

    /** Closes the pool of {@link #defaultClient()}, if it was created. */
    @Override
    public synchronized void close() throws IOException {
        ApacheHttpClient5Transport http = pool;
        if (http != null) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "OrchestrationFeignTarget[url=" + baseUrl + pathPrefix + "]";
    }
}
