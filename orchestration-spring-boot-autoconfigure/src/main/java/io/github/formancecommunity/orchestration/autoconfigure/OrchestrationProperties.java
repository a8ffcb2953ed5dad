package io.github.formancecommunity.orchestration.autoconfigure;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.github.formancecommunity.orchestration.client.LogLevel;

/**
 * Settings of the Formance Orchestration V1 client, bound from {@code formance.orchestration.*}.
 */
@ConfigurationProperties(prefix = OrchestrationProperties.PREFIX)
public class OrchestrationProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "formance.orchestration";

    /** Whether to register the Orchestration client at all. */
    private boolean enabled = true;

    /**
     * URL of the Formance Stack (or of the Orchestration service), e.g. https://org-stack.eu.sandbox.formance.cloud.
     * Required unless an OrchestrationConnectionDetails bean says where to connect.
     */
    private @Nullable String baseUrl;

    /** Prefix of the V1 paths: /api/orchestration through the Stack gateway, empty when calling the service directly. */
    private String pathPrefix = "/api/orchestration";

    /** Time-out to open a connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Time-out to wait for a response. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** Read time-out of runWorkflow with wait=true, which answers only when the run has ended. */
    private Duration runWaitTimeout = Duration.ofMinutes(5);

    /** Size of the HTTP connection pool. */
    private int maxConnections = 50;

    /**
     * When the client builds its JSON mapper, connection pool and Feign target: BACKGROUND (on a short-lived thread
     * once the application is ready; a call made before waits for it), LAZY (on the first call) or EAGER (while the
     * context starts). No mode makes a network call at start-up.
     */
    private Initialization initialization = Initialization.BACKGROUND;

    private final Auth auth = new Auth();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final Retry retry = new Retry();

    private final Metrics metrics = new Metrics();

    private final Observation observation = new Observation();

    private final Health health = new Health();

    private final Logging logging = new Logging();

    private final Limits limits = new Limits();

    private final Proxy proxy = new Proxy();

    private final Ssl ssl = new Ssl();

    private final SpringCloud springCloud = new SpringCloud();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getRunWaitTimeout() {
        return runWaitTimeout;
    }

    public void setRunWaitTimeout(Duration runWaitTimeout) {
        this.runWaitTimeout = runWaitTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Initialization getInitialization() {
        return initialization;
    }

    public void setInitialization(Initialization initialization) {
        this.initialization = initialization;
    }

    public Auth getAuth() {
        return auth;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Retry getRetry() {
        return retry;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Observation getObservation() {
        return observation;
    }

    public Health getHealth() {
        return health;
    }

    public Proxy getProxy() {
        return proxy;
    }

    public Ssl getSsl() {
        return ssl;
    }

    public Logging getLogging() {
        return logging;
    }

    public Limits getLimits() {
        return limits;
    }

    public SpringCloud getSpringCloud() {
        return springCloud;
    }

    @Override
    public String toString() {
        return "OrchestrationProperties[baseUrl=" + baseUrl + ", pathPrefix=" + pathPrefix + ", auth=" + auth
                + ", proxy=" + proxy + ", ssl.bundle=" + ssl.getBundle() + "]";
    }

    /** Authentication: a static bearer token, or OAuth2 client credentials (not both). */
    public static class Auth {

        /** A static bearer token sent as is; exclusive with client-id/client-secret. */
        private String token;

        /** OAuth2 client id for the client-credentials grant. */
        private String clientId;

        /** OAuth2 client secret for the client-credentials grant. */
        private String clientSecret;

        /** Token endpoint, relative to base-url unless absolute. */
        private String tokenUrl = "/api/auth/oauth/token";

        /** How long before its expiry a cached token is replaced. */
        private Duration refreshBeforeExpiry = Duration.ofSeconds(30);

        private final Ssl ssl = new Ssl();

        /**
         * TLS of the token requests; without a bundle here, formance.orchestration.ssl.bundle applies.
         *
         * @return the TLS settings of the token requests
         */
        public Ssl getSsl() {
            return ssl;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getTokenUrl() {
            return tokenUrl;
        }

        public void setTokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        public Duration getRefreshBeforeExpiry() {
            return refreshBeforeExpiry;
        }

        public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
            this.refreshBeforeExpiry = refreshBeforeExpiry;
        }

        @Override
        public String toString() {
            return "Auth[token=" + (token == null ? "unset" : "****") + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "unset" : "****") + ", tokenUrl=" + tokenUrl + "]";
        }
    }

    /** The Resilience4j circuit breaker around every call. */
    public static class CircuitBreaker {

        /** Whether calls go through a circuit breaker. */
        private boolean enabled = true;

        /** Name of the breaker; resilience4j.circuitbreaker.instances.<name>.* configures it when the application has a registry. */
        private String name = "formance-orchestration";

        /** Failure rate, in percent, at which the breaker opens (Resilience4j default 50). Used when the registry has no config for the name. */
        private Float failureRateThreshold;

        /** Calls needed before the failure rate is computed (Resilience4j default 100). */
        private Integer minimumNumberOfCalls;

        /** Size of the count-based sliding window (Resilience4j default 100). */
        private Integer slidingWindowSize;

        /** How long the breaker stays open before it lets trial calls through (Resilience4j default 60s). */
        private Duration waitDurationInOpenState;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(Float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public Integer getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(Integer minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Integer getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(Integer slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public Duration getWaitDurationInOpenState() {
            return waitDurationInOpenState;
        }

        public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }
    }

    /** Retries of idempotent operations (GET, DELETE, PUT abort); POSTs are never retried. */
    public static class Retry {

        /** Whether idempotent operations are retried on transport failures and 429/502/503/504. */
        private boolean enabled = true;

        /** Attempts in total, the first one included. */
        private int maxAttempts = 3;

        /** Wait before the first retry. */
        private Duration initialBackoff = Duration.ofMillis(200);

        /** Longest wait between two attempts, also the cap of a server's Retry-After. */
        private Duration maxBackoff = Duration.ofSeconds(2);

        /** Factor applied to the wait after each retry. */
        private double multiplier = 2.0;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }
    }

    /** Micrometer metrics. */
    public static class Metrics {

        /** Whether calls are timed (formance.orchestration.client.requests) when a MeterRegistry exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Micrometer observations (tracing spans). */
    public static class Observation {

        /** Whether each call is an observation (formance.orchestration.client.requests: timer and span) when an ObservationRegistry exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The actuator health contributor. */
    public static class Health {

        /** Whether to register the 'orchestration' health contributor when actuator is present. */
        private boolean enabled = true;

        /** Read time-out of the health check's call to _info. */
        private Duration timeout = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * When the client builds what its calls need (the JSON mapper, the connection pool, the Feign target), which
     * loads Jackson, Apache HttpClient 5 and Feign: about half a second in a cold JVM.
     */
    public enum Initialization {

        /** On a short-lived background thread once the application is ready; a call made earlier waits for it. */
        BACKGROUND,

        /** On the first call, which pays for it. */
        LAZY,

        /** While the application context starts, which pays for it. */
        EAGER
    }

    /** Wire logging. */
    public static class Logging {

        /** NONE, BASIC, HEADERS or FULL, logged at INFO; Authorization and secrets are always left out. */
        private LogLevel level = LogLevel.NONE;

        public LogLevel getLevel() {
            return level;
        }

        public void setLevel(LogLevel level) {
            this.level = level;
        }
    }

    /** Bounds on each call against a broken or hostile server: time limits, body and header sizes. */
    public static class Limits {

        /**
         * Time limit of one attempt: connect, send, response headers and body together. Unset: connect-timeout plus
         * read-timeout (35s with the defaults). runWorkflow with wait=true gets at least connect-timeout plus
         * run-wait-timeout.
         */
        private Duration attemptTimeout;

        /**
         * Time limit of a whole call, retries and back-offs included. Unset: twice the attempt time-out (70s with
         * the defaults). runWorkflow with wait=true gets at least its attempt time-out.
         */
        private Duration callTimeout;

        /** Largest response body accepted, counted after decompression. */
        private DataSize maxResponseBodySize = DataSize.ofMegabytes(32);

        /** Most header fields a response may have. */
        private int maxHeaderCount = 100;

        /** Longest status or header line of a response. */
        private DataSize maxHeaderLineLength = DataSize.ofKilobytes(8);

        public Duration getAttemptTimeout() {
            return attemptTimeout;
        }

        public void setAttemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
        }

        public Duration getCallTimeout() {
            return callTimeout;
        }

        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        public DataSize getMaxResponseBodySize() {
            return maxResponseBodySize;
        }

        public void setMaxResponseBodySize(DataSize maxResponseBodySize) {
            this.maxResponseBodySize = maxResponseBodySize;
        }

        public int getMaxHeaderCount() {
            return maxHeaderCount;
        }

        public void setMaxHeaderCount(int maxHeaderCount) {
            this.maxHeaderCount = maxHeaderCount;
        }

        public DataSize getMaxHeaderLineLength() {
            return maxHeaderLineLength;
        }

        public void setMaxHeaderLineLength(DataSize maxHeaderLineLength) {
            this.maxHeaderLineLength = maxHeaderLineLength;
        }
    }

    /**
     * An HTTP forward proxy for the API calls, the token requests and the health check, overriding the JVM's proxy
     * settings (http.proxyHost, https.proxyHost, http.nonProxyHosts, java.net.useSystemProxies), which apply when
     * no host is set here.
     */
    public static class Proxy {

        /** Host name or address of the proxy, or an http URL such as http://proxy.corp.example:3128. */
        private String host;

        /** Port of the proxy (default 80, or the port of the URL in host). */
        private Integer port;

        /** User name for proxy authentication (Basic). */
        private String username;

        /** Password for proxy authentication; never logged. */
        private String password;

        /**
         * Hosts reached directly, without the proxy: names or addresses, optionally with a leading or trailing *
         * (e.g. *.internal.example, 10.*).
         */
        private List<String> nonProxyHosts;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getNonProxyHosts() {
            return nonProxyHosts;
        }

        public void setNonProxyHosts(List<String> nonProxyHosts) {
            this.nonProxyHosts = nonProxyHosts;
        }

        @Override
        public String toString() {
            return "Proxy[host=" + host + ", port=" + port + ", username=" + username + ", password="
                    + (password == null ? "unset" : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
        }
    }

    /** TLS trust and key material, from a Spring Boot SSL bundle. */
    public static class Ssl {

        /**
         * Name of the SSL bundle (spring.ssl.bundle.pem.NAME or spring.ssl.bundle.jks.NAME) holding the trusted
         * certificates and, for mutual TLS, the client key; unset for the JVM's defaults. Host names are always
         * verified.
         */
        private String bundle;

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }

    /**
     * The Spring Cloud OpenFeign integration (module {@code orchestration-spring-cloud-openfeign}): with Spring
     * Cloud OpenFeign on the class path, the client is the Spring Cloud OpenFeign client
     * {@code formance-orchestration}.
     */
    public static class SpringCloud {

        /**
         * Whether the client is created through Spring Cloud OpenFeign when the integration module and Spring Cloud
         * OpenFeign are on the class path (per-client configuration, lb:// service ids).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
