package io.github.formancecommunity.orchestration.client;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;

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
 * body. The response body is streamed; closing it after its end returns the connection to the pool, closing it
 * earlier (a body over the limit, a failed decode) discards the connection rather than read an unknown rest.
 *
 * <p>Each attempt has a deadline ({@link AttemptDeadline}): the attempt's own limit or the call's, whichever comes
 * first. On expiry a timer aborts the request wherever it is, from the wait for a connection to the last byte of
 * the body, and the call ends with an {@link OrchestrationTimeoutException}. The body is counted as it is read,
 * after decompression: beyond {@link ResponseLimits#maxBodySize()} the read fails with an
 * {@link OrchestrationResponseException}, before the bytes are buffered. A response whose headers break the
 * connection's limits fails the same way.
 *
 * body. The response body is streamed; closing it consumes what is left and returns the connection to the pool.
 *
 * <p>A response that came from an HTTP proxy rather than the server (a {@code 407}, or the answer to a refused
 * {@code CONNECT}) ends in a {@link ProxyRefusedException}.
 */
final class ApacheHttpClient5Transport implements Client, Closeable {

    private static final int MAX_CACHED_CONFIGS = 16;

    private final CloseableHttpClient http;
    private final RequestConfig defaults;
    private final ConcurrentMap<Request.Options, RequestConfig> configs = new ConcurrentHashMap<>();
    private final Duration attemptLimit;
    private final ResponseLimits limits;
    private final ConnPoolControl<?> pool;
    private volatile Origin lastOrigin;
    private volatile ScheduledThreadPoolExecutor timers; // created under this' lock, on the first call

    /**
     * Creates the transport.
     *
     * @param http         the pooled client, closed with this transport
     * @param defaults     the request settings that {@link Request.Options} do not override
     * @param attemptLimit the attempt limit when a request is sent outside a client call
     * @param limits       the response limits (the header limits are the connection factory's)
     * @param pool         the connection pool, for its statistics; {@code null} when unknown
     */
    ApacheHttpClient5Transport(CloseableHttpClient http, RequestConfig defaults, Duration attemptLimit,
            ResponseLimits limits, ConnPoolControl<?> pool) {
        this.http = http;
        this.defaults = defaults;
        this.attemptLimit = attemptLimit;
        this.limits = limits;
        this.pool = pool;
    }

    /** Creates the transport with the default limits, for requests sent outside a client call. */
    ApacheHttpClient5Transport(CloseableHttpClient http, RequestConfig defaults) {
        this(http, defaults, Duration.ofSeconds(35), ResponseLimits.DEFAULTS, null);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String url = request.url();
        Origin origin = origin(url);
        String pathAndQuery = url.length() == origin.length() ? "/" : url.substring(origin.length());
        AbortableRequest message = new AbortableRequest(request.httpMethod().name(), origin.host(), pathAndQuery);
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
        OrchestrationOperation operation = Operations.of(request);
        AttemptDeadline deadline = AttemptDeadline.arm(message, operation, attemptLimit, timers());
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(origin.host(), message, context);
        }
        catch (MessageConstraintException ex) {
            deadline.end();
            throw headersOverLimit(operation, ex);
        }
        catch (IOException | RuntimeException ex) {
            deadline.end();
            if (deadline.expired()) {
                throw deadline.exception(ex);
            }
            if ((ex instanceof SocketException || ex instanceof NoHttpResponseException)
                    && "https".equals(origin.host().getSchemeName())) {
                throw TlsFailures.closedOverTls((IOException) ex);
            }
            throw ex;
        }
        HttpHost proxy = ProxyAnswerDetector.answeringProxy(context, response.getCode());
        if (proxy != null) {
            deadline.end();
            throw proxyRefused(response, proxy);
        }
        try {
            return toFeignResponse(response, request, operation, deadline);
        }
        catch (RuntimeException ex) {
            deadline.abort(); // a body over the limit is not drained: the connection is discarded
            deadline.end();
            try {
                response.close();
            }
            catch (IOException closing) {
                ex.addSuppressed(closing);
            }
            throw ex;
        }
    }

    private OrchestrationResponseException headersOverLimit(OrchestrationOperation operation,
            MessageConstraintException ex) {
        String text = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
        String limit = text.contains("header count")
                ? "the limit of " + limits.maxHeaderCount() + " header fields (" + ResponseLimits.HEADER_COUNT_PROPERTY
                        + ", OrchestrationClientBuilder.maxHeaderCount)"
                : "the limit of " + Durations.size(limits.maxHeaderLineLength()) + " per status or header line ("
                        + ResponseLimits.HEADER_LINE_PROPERTY + ", OrchestrationClientBuilder.maxHeaderLineLength)";
        return new OrchestrationResponseException(operation, 0, CallDeadline.name(operation)
                + ": response headers over " + limit + "; the connection was discarded", ex);
    }

    private ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor current = timers;
        return current != null ? current : createTimers();
    }

    private synchronized ScheduledThreadPoolExecutor createTimers() {
        if (timers == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "formance-orchestration-deadlines");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setKeepAliveTime(30, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            timers = executor;
        }
        return timers;
    }

    /** The pool's totals (leased, pending, available, max), {@code null} when the pool is not known. */
    PoolStats poolStats() {
        return pool == null ? null : pool.getTotalStats();
    }

    /** Closes the pooled client and stops the deadline timer. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (timers != null) {
                timers.shutdownNow();
            }
        }
        http.close();
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

    private Response toFeignResponse(ClassicHttpResponse response, Request request, OrchestrationOperation operation,
            AttemptDeadline deadline) throws IOException {
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
            deadline.end();
            response.close();
            return builder.build();
        }
        long announced = entity.getContentLength();
        if (announced > limits.maxBodySize()) {
            throw ResponseLimits.bodyTooLarge(operation, response.getCode(), limits.maxBodySize(),
                    "Content-Length " + announced);
        }
        return builder.body(new EntityBody(response, entity, deadline, operation, limits.maxBodySize())).build();
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

    /**
     * A streamed response body, counted and bounded as it is read, under the attempt's deadline. Closing it after
     * its end releases the connection to the pool; closing it earlier discards the connection.
     */
    private static final class EntityBody implements Response.Body {

        private final ClassicHttpResponse response;
        private final HttpEntity entity;
        private final AttemptDeadline deadline;
        private final OrchestrationOperation operation;
        private final int maxBodySize;
        private BoundedStream stream;

        EntityBody(ClassicHttpResponse response, HttpEntity entity, AttemptDeadline deadline,
                OrchestrationOperation operation, int maxBodySize) {
            this.response = response;
            this.entity = entity;
            this.deadline = deadline;
            this.operation = operation;
            this.maxBodySize = maxBodySize;
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
            if (stream == null) {
                InputStream content;
                try {
                    content = entity.getContent();
                }
                catch (IOException | RuntimeException ex) {
                    if (deadline.expired()) {
                        throw deadline.exception(ex);
                    }
                    throw ex;
                }
                stream = new BoundedStream(content, this);
            }
            return stream;
        }

        @Override
        public Reader asReader(Charset charset) throws IOException {
            return new InputStreamReader(asInputStream(), charset);
        }

        /** Whether the whole body was read: its end was seen or its announced length reached. */
        private boolean complete() {
            if (stream == null) {
                return entity.getContentLength() == 0;
            }
            long length = entity.getContentLength();
            return stream.ended || (length >= 0 && stream.count >= length);
        }

        @Override
        public void close() throws IOException {
            try {
                if (complete() && !deadline.expired()) {
                    EntityUtils.consume(entity);
                }
                else {
                    deadline.abort(); // the rest, maybe endless, is not read: the connection is discarded
                }
            }
            catch (IOException ex) {
                deadline.abort(); // the body was read already; the connection is discarded
            }
            finally {
                try {
                    response.close();
                }
                catch (IOException ex) {
                    // aborted: nothing left to release
                }
                finally {
                    deadline.end();
                }
            }
        }
    }

    /** Counts the bytes of a body as they are read and fails beyond the limit or after the deadline. */
    private static final class BoundedStream extends FilterInputStream {

        private final EntityBody body;
        private long count;
        private boolean ended;

        BoundedStream(InputStream in, EntityBody body) {
            super(in);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (body.deadline.expired()) {
                throw body.deadline.exception(null);
            }
            int n;
            try {
                // one byte past the limit tells a body of exactly the limit from a larger one
                long room = (long) body.maxBodySize + 1 - count;
                n = super.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
            }
            catch (IOException | RuntimeException ex) {
                if (body.deadline.expired()) {
                    throw body.deadline.exception(ex);
                }
                throw ex;
            }
            if (n < 0) {
                ended = true;
                return n;
            }
            count += n;
            if (count > body.maxBodySize) {
                throw ResponseLimits.bodyTooLarge(body.operation, body.response.getCode(), body.maxBodySize,
                        "more than " + body.maxBodySize + " bytes, counted after any decompression");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }
    }

    @Override
    public String toString() {
        return "ApacheHttpClient5Transport[" + http + "]";
    }
}
