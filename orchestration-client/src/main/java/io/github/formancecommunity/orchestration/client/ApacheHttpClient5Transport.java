package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * Sends Feign requests through a pooled Apache HttpClient 5, doing per call only what a call needs.
 *
 * <p>It replaces feign-hc5's {@code ApacheHttp5Client}, which for every call re-parsed the URL Feign had just built
 * (and its query string) with {@code URIBuilder}, built a new {@code RequestConfig}, copied a text body into a
 * {@code String} and back, and parsed the {@code Content-Type}: about 5 KB of garbage per call, more than the
 * starter's metrics, circuit breaker and retry together. Here the target host is parsed once, the raw path and
 * query go on the wire as Feign encoded them, the request body bytes are sent as they are, and one
 * {@code RequestConfig} is kept per {@link Request.Options} (connect time-out, response time-out, redirects).
 *
 * <p>Headers are sent as Feign resolved them, except {@code Content-Length}, which HttpClient derives from the
 * body. The response body is streamed; closing it consumes what is left and returns the connection to the pool.
 *
 * <p>A response that came from an HTTP proxy rather than the server (a {@code 407}, or the answer to a refused
 * {@code CONNECT}) ends in a {@link ProxyRefusedException}.
 */
final class ApacheHttpClient5Transport implements Client {

    private static final int MAX_CACHED_CONFIGS = 16;

    private final CloseableHttpClient http;
    private final RequestConfig defaults;
    private final ConcurrentMap<Request.Options, RequestConfig> configs = new ConcurrentHashMap<>();
    private volatile Origin lastOrigin;

    /**
     * Creates the transport.
     *
     * @param http     the pooled client (not closed by this class)
     * @param defaults the request settings that {@link Request.Options} do not override
     */
    ApacheHttpClient5Transport(CloseableHttpClient http, RequestConfig defaults) {
        this.http = http;
        this.defaults = defaults;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String url = request.url();
        Origin origin = origin(url);
        String pathAndQuery = url.length() == origin.length() ? "/" : url.substring(origin.length());
        BasicClassicHttpRequest message = new BasicClassicHttpRequest(request.httpMethod().name(), origin.host(),
                pathAndQuery);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (!"Content-Length".equalsIgnoreCase(name)) {
                for (String value : header.getValue()) {
                    message.addHeader(name, value);
                }
            }
        }
        byte[] body = request.body();
        if (body != null) {
            // The Content-Type header is already on the message; the entity only carries the bytes.
            message.setEntity(new ByteArrayEntity(body, null));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config(options));
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(origin.host(), message, context);
        }
        catch (SocketException | NoHttpResponseException ex) {
            throw "https".equals(origin.host().getSchemeName()) ? TlsFailures.closedOverTls(ex) : ex;
        }
        HttpHost proxy = ProxyAnswerDetector.answeringProxy(context, response.getCode());
        if (proxy != null) {
            throw proxyRefused(response, proxy);
        }
        return toFeignResponse(response, request);
    }

    /** The proxy answered (a 407, or a refused {@code CONNECT}): the response is dropped, the proxy named. */
    private static ProxyRefusedException proxyRefused(ClassicHttpResponse response, HttpHost proxy)
            throws IOException {
        int status = response.getCode();
        String reason = response.getReasonPhrase();
        response.close();
        return new ProxyRefusedException(proxy.toHostString(), status, reason);
    }

    private Origin origin(String url) throws IOException {
        Origin origin = lastOrigin;
        if (origin != null && origin.matches(url)) {
            return origin;
        }
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            throw new IOException("not an absolute http(s) URL: " + BodyExcerpt.truncate(url, 100));
        }
        int path = url.indexOf('/', scheme + 3);
        String prefix = path < 0 ? url : url.substring(0, path);
        try {
            origin = new Origin(prefix, HttpHost.create(prefix));
        }
        catch (URISyntaxException | IllegalArgumentException ex) {
            throw new IOException("not an absolute http(s) URL: " + BodyExcerpt.truncate(prefix, 100), ex);
        }
        lastOrigin = origin;
        return origin;
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect time-out: the per-call override feign-hc5 also set
    private RequestConfig config(Request.Options options) {
        RequestConfig config = configs.get(options);
        if (config != null) {
            return config;
        }
        config = RequestConfig.copy(defaults)
                .setConnectTimeout(options.connectTimeout(), options.connectTimeoutUnit())
                .setResponseTimeout(options.readTimeout(), options.readTimeoutUnit())
                .setRedirectsEnabled(options.isFollowRedirects())
                .build();
        if (configs.size() < MAX_CACHED_CONFIGS) {
            configs.putIfAbsent(options, config);
        }
        return config;
    }

    private static Response toFeignResponse(ClassicHttpResponse response, Request request) throws IOException {
        Map<String, Collection<String>> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        Response.Builder builder = Response.builder()
                .status(response.getCode())
                .reason(response.getReasonPhrase())
                .headers(headers)
                .request(request);
        if (entity == null) {
            response.close();
            return builder.build();
        }
        return builder.body(new EntityBody(response, entity)).build();
    }

    /** The scheme and authority part of the URLs Feign builds for one target, parsed once. */
    private record Origin(String prefix, HttpHost host) {

        boolean matches(String url) {
            return url.startsWith(prefix) && (url.length() == prefix.length() || url.charAt(prefix.length()) == '/');
        }

        int length() {
            return prefix.length();
        }
    }

    /** A streamed response body; closing it releases the connection. */
    private static final class EntityBody implements Response.Body {

        private final ClassicHttpResponse response;
        private final HttpEntity entity;

        EntityBody(ClassicHttpResponse response, HttpEntity entity) {
            this.response = response;
            this.entity = entity;
        }

        @Override
        public Integer length() {
            long length = entity.getContentLength();
            return length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
        }

        @Override
        public boolean isRepeatable() {
            return entity.isRepeatable();
        }

        @Override
        public InputStream asInputStream() throws IOException {
            return entity.getContent();
        }

        @Override
        public Reader asReader(Charset charset) throws IOException {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() throws IOException {
            try {
                EntityUtils.consume(entity);
            }
            finally {
                response.close();
            }
        }
    }

    @Override
    public String toString() {
        return "ApacheHttpClient5Transport[" + http + "]";
    }
}
