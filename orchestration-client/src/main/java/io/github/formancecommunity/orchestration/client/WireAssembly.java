package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles the wire of a client from the builder's settings: Feign, the JSON mapper and, unless an HTTP client was
 * given, the pooled Apache HttpClient 5 transport. A class of its own so that building a lazy client does not load
 * what the wire is made of (Feign's builder and target, HttpClient's pool and transport, Jackson's mapper): those
 * classes are loaded when the wire is first needed.
 */
final class WireAssembly {

    private WireAssembly() {
    }

    /**
     * What both wire paths build from, taken from the builder when {@link OrchestrationClientBuilder#build()} runs:
     * later changes to the builder do not reach a client already built.
     */
    record Settings(Supplier<JsonMapper> mapper, Logger.Level logLevel,
            List<OrchestrationFeignBuilderCustomizer> customizers, Duration connect, Duration read, int poolSize,
            Duration attemptLimit, ResponseLimits limits, @Nullable OrchestrationProxy proxy,
            @Nullable SSLContext tls, @Nullable Client givenClient) {

        JsonMapper json() {
            return Objects.requireNonNull(mapper.get(), "jsonMapper");
        }

        /** The built-in transport, for when no HTTP client was given. */
        ApacheHttpClient5Transport transport() {
            return WireAssembly.transport(connect, read, poolSize, limits, tls, proxy, attemptLimit);
        }
    }

    /** Builds the wire with the client's own Feign target. */
    static Wire.Parts ownTarget(Settings settings, Request.Options readOptions, String target,
            @Nullable BearerTokenSource tokens) {
        JsonMapper json = settings.json();
        Client client = settings.givenClient();
        ApacheHttpClient5Transport pooled = null;
        if (client == null) {
            pooled = settings.transport();
            client = pooled;
        }
        Feign.Builder feign = Feign.builder().client(client).options(readOptions).logLevel(settings.logLevel());
        try {
            OrchestrationFeignTarget.configure(feign, json, settings.limits().maxBodySize(), tokens,
                    settings.customizers());
            return new Wire.Parts(feign.target(new BaseUrlTarget<>(OrchestrationV1Api.class, target)), pooled,
                    () -> JsonPriming.prime(json));
        }
        catch (RuntimeException | Error ex) {
            closeQuietly(pooled, ex);
            throw ex;
        }
    }

    /** Builds the wire through a target factory. */
    static Wire.Parts throughFactory(Settings settings, OrchestrationFeignTargetFactory factory, String base,
            String prefix, @Nullable BearerTokenSource tokens) {
        JsonMapper json = settings.json();
        OrchestrationFeignTarget<OrchestrationV1Api> target = new OrchestrationFeignTarget<>(
                OrchestrationV1Api.class, base, prefix, settings.connect(), settings.read(), settings.logLevel(),
                json, tokens, settings.customizers(), settings::transport, settings.givenClient(),
                settings.limits().maxBodySize());
        try {
            OrchestrationV1Api api = Objects.requireNonNull(factory.create(target),
                    "the target factory returned no Feign target");
            return new Wire.Parts(api, target, () -> JsonPriming.prime(json));
        }
        catch (RuntimeException | Error ex) {
            closeQuietly(target, ex);
            throw ex;
        }
    }

    static void closeQuietly(@Nullable AutoCloseable resource, Throwable failure) {
        if (resource != null) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                failure.addSuppressed(ex);
            }
        }
    }

    /** The built-in transport: a pooled Apache HttpClient 5 with the response limits and the attempt time limit. */
    private static ApacheHttpClient5Transport transport(Duration connect, Duration read, int poolSize,
            ResponseLimits limits, @Nullable SSLContext tls, @Nullable OrchestrationProxy proxy,
            Duration attemptLimit) {
        PoolingHttpClientConnectionManager pool = connectionPool(connect, read, poolSize, limits, tls);
        return new ApacheHttpClient5Transport(pooledHttpClient(pool, proxy), RequestConfig.DEFAULT, attemptLimit,
                limits, pool);
    }

    private static PoolingHttpClientConnectionManager connectionPool(Duration connectTimeout, Duration readTimeout,
            int maxConnections, ResponseLimits limits, @Nullable SSLContext sslContext) {
        // DefaultClientTlsStrategy(SSLContext) verifies the host name with HttpClient's default verifier
        LazyTlsSocketStrategy tls = sslContext == null ? new LazyTlsSocketStrategy()
                : new LazyTlsSocketStrategy(() -> new DefaultClientTlsStrategy(sslContext));
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(limitedConnections(limits))
                .setTlsSocketStrategy(tls)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
    }

    /** Connections whose response parser refuses more header fields, or longer lines, than the limits allow. */
    private static ManagedHttpClientConnectionFactory limitedConnections(ResponseLimits limits) {
        return ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom()
                        // the parser refuses a count that reaches its setting, and a line whose bytes up to its
                        // carriage return reach it: the margins make ours "at most", the CR LF not counted
                        .setMaxHeaderCount(plus(limits.maxHeaderCount(), 1))
                        .setMaxLineLength(plus(limits.maxHeaderLineLength(), 2))
                        .build())
                .build();
    }

    private static int plus(int limit, int margin) {
        return limit > Integer.MAX_VALUE - margin ? Integer.MAX_VALUE : limit + margin;
    }

    private static CloseableHttpClient pooledHttpClient(PoolingHttpClientConnectionManager pool,
            @Nullable OrchestrationProxy proxy) {
        HttpClientBuilder http = HttpClients.custom()
                .setConnectionManager(pool)
                // null: ProxySelector.getDefault() for each request, so the JVM's settings apply as they are then
                .setRoutePlanner(new SystemDefaultRoutePlanner(proxy == null ? null : proxy.proxySelector()))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        ProxyAnswerDetector.install(http);
        if (proxy != null && proxy.hasCredentials()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            java.net.PasswordAuthentication secret = proxy.credentials();
            credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                    new UsernamePasswordCredentials(secret.getUserName(), secret.getPassword()));
            http.setDefaultCredentialsProvider(credentials);
        }
        return http.build();
    }
}
