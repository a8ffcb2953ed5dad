package io.github.formancecommunity.orchestration.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;

/**
 * The rules every {@code formance.orchestration.*} value must follow, checked once when the properties are bound.
 * All violations are collected so that a start-up failure lists every wrong property at once. Values of
 * {@code auth.token} and {@code auth.client-secret} are never quoted; URLs are quoted with any user-info masked.
 */
final class OrchestrationPropertiesValidator {

    private static final String P = OrchestrationProperties.PREFIX + ".";

    private final Map<String, String> violations = new LinkedHashMap<>();

    private OrchestrationPropertiesValidator() {
    }

    /**
     * Checks the properties.
     *
     * @throws InvalidOrchestrationPropertyException naming every invalid property
     */
    static void validate(OrchestrationProperties properties) {
        Map<String, String> violations = violations(properties);
        if (!violations.isEmpty()) {
            throw new InvalidOrchestrationPropertyException(violations);
        }
    }

    /**
     * Every rule the properties break.
     *
     * @param properties the bound properties
     * @return full property name to reason, in the order checked; empty when all is well
     */
    static Map<String, String> violations(OrchestrationProperties properties) {
        OrchestrationPropertiesValidator validator = new OrchestrationPropertiesValidator();
        validator.check(properties);
        return validator.violations;
    }

    private void check(OrchestrationProperties properties) {
        checkBaseUrl(properties.getBaseUrl());
        checkPathPrefix(properties.getPathPrefix());
        positive("connect-timeout", properties.getConnectTimeout());
        positive("read-timeout", properties.getReadTimeout());
        positive("run-wait-timeout", properties.getRunWaitTimeout());
        atLeastOne("max-connections", properties.getMaxConnections());
        if (properties.getLogging().getLevel() == null) {
            reject("logging.level", "must be one of NONE, BASIC, HEADERS or FULL");
        }
        checkAuth(properties.getAuth(), properties.getBaseUrl());
        checkRetry(properties.getRetry());
        checkCircuitBreaker(properties.getCircuitBreaker());
        checkLimits(properties.getLimits());
        positive("health.timeout", properties.getHealth().getTimeout());
        checkProxy(properties.getProxy());
    }

    private void checkProxy(OrchestrationProperties.Proxy proxy) {
        String host = proxy.getHost();
        if (StringUtils.hasText(host) && host.contains("://")) {
            URI uri = parse(host.strip());
            String scheme = uri == null ? null : uri.getScheme();
            if (uri == null || !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                reject("proxy.host", "must be a host name, or an http URL such as http://proxy.corp.example:3128"
                        + (scheme == null || "http".equalsIgnoreCase(scheme) ? ""
                                : "; a proxy spoken to over '" + scheme + "' is not supported")
                        + " (got '" + OrchestrationClientBuilder.maskCredentials(host) + "')");
            }
            else if (uri.getRawUserInfo() != null) {
                reject("proxy.host", "must not carry credentials; set proxy.username and proxy.password (got '"
                        + OrchestrationClientBuilder.maskCredentials(host) + "')");
            }
            else if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null) {
                reject("proxy.host", "must be a host name or an http URL without a path (got '" + host + "')");
            }
        }
        else if (StringUtils.hasText(host) && (host.contains("/") || host.contains("@") || host.contains(" "))) {
            reject("proxy.host", "must be a host name, or an http URL such as http://proxy.corp.example:3128 (got '"
                    + OrchestrationClientBuilder.maskCredentials(host) + "')");
        }
        Integer port = proxy.getPort();
        if (port != null && (port < 1 || port > 65_535)) {
            reject("proxy.port", "must be between 1 and 65535 (got " + port + ")");
        }
        boolean username = StringUtils.hasText(proxy.getUsername());
        boolean password = proxy.getPassword() != null && !proxy.getPassword().isEmpty();
        if (!StringUtils.hasText(host) && (username || password || port != null)) {
            reject("proxy.host", "must be set when proxy.port, proxy.username or proxy.password is set");
        }
        if (password && !username) {
            reject("proxy.username", "must be set when proxy.password is set");
        }
    }

    private void checkBaseUrl(@Nullable String baseUrl) {
        if (!StringUtils.hasText(baseUrl)) {
            return; // required only where no connection details replace it: see requireBaseUrl
        }
        if (isLoadBalanced(baseUrl)) {
            return; // lb://service-id: the client builder checks it with the Spring Cloud OpenFeign integration
        }
        String problem = OrchestrationClientBuilder.checkBaseUrl(baseUrl);
        if (problem != null) {
            reject("base-url", problem);
        }
    }

    /**
     * The base URL of the properties, for the default connection details: required there, since nothing else says
     * where to connect. The failure names the property, how to turn the starter off, and any key of the
     * environment that looks like a misspelt base URL.
     *
     * @param properties the bound properties
     * @param lookalikes names of configuration keys that resemble {@code formance.orchestration.base-url}, read
     *                   only when the base URL is missing
     * @return the base URL, stripped
     * @throws InvalidOrchestrationPropertyException when it is not set
     */
    static String requireBaseUrl(OrchestrationProperties properties, Supplier<List<String>> lookalikes) {
        String baseUrl = properties.getBaseUrl();
        if (StringUtils.hasText(baseUrl)) {
            return baseUrl.strip();
        }
        StringBuilder reason = new StringBuilder("must be set to the absolute http or https URL of the Formance "
                + "Stack, e.g. https://org-stack.eu.sandbox.formance.cloud (it has no default).");
        List<String> found = lookalikes.get();
        if (!found.isEmpty()) {
            reason.append(" Found ").append(String.join(", ", found)).append(": is it misspelt?");
        }
        reason.append(" To start without the Orchestration client, set ").append(P).append("enabled=false");
        throw new InvalidOrchestrationPropertyException(Map.of(P + "base-url", reason.toString()));
    }

    private void checkPathPrefix(@Nullable String pathPrefix) {
        String problem = OrchestrationClientBuilder.checkPathPrefix(pathPrefix);
        if (problem != null) {
            reject("path-prefix", problem);
        }
    }

    private void checkAuth(OrchestrationProperties.Auth auth, @Nullable String baseUrl) {
        boolean token = StringUtils.hasText(auth.getToken());
        boolean clientId = StringUtils.hasText(auth.getClientId());
        boolean clientSecret = StringUtils.hasText(auth.getClientSecret());
        if (token && clientId) {
            reject("auth.token", "a static token and OAuth2 client credentials (auth.client-id, "
                    + "auth.client-secret) are both set; set only one of them");
        }
        else if (token && clientSecret) {
            reject("auth.client-id", "is not set, while auth.token and auth.client-secret are: for OAuth2 client "
                    + "credentials set auth.client-id and remove auth.token; for the static token remove "
                    + "auth.client-secret");
        }
        else if (clientId && !clientSecret) {
            reject("auth.client-secret", "must be set when auth.client-id is set (client-credentials grant)");
        }
        else if (clientSecret && !clientId) {
            reject("auth.client-id", "must be set when auth.client-secret is set (client-credentials grant)");
        }
        if (clientId || clientSecret) {
            checkTokenUrl(auth.getTokenUrl(), baseUrl);
        }
        if (auth.getRefreshBeforeExpiry() == null || auth.getRefreshBeforeExpiry().isNegative()) {
            reject("auth.refresh-before-expiry", "must be zero or a positive duration (got "
                    + DurationText.of(auth.getRefreshBeforeExpiry()) + ")");
        }
    }

    private void checkTokenUrl(String tokenUrl, @Nullable String baseUrl) {
        if (!StringUtils.hasText(tokenUrl)) {
            reject("auth.token-url", "must be set when client credentials are used");
            return;
        }
        URI uri = parse(tokenUrl.strip());
        boolean valid;
        if (uri == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            valid = false;
        }
        else if (uri.isAbsolute()) {
            valid = isHttp(uri) && uri.getHost() != null;
        }
        else {
            valid = uri.getRawAuthority() == null && StringUtils.hasText(uri.getRawPath());
            if (valid && isLoadBalanced(baseUrl)) {
                reject("auth.token-url", "must be an absolute http or https URL when base-url is an lb:// service "
                        + "id: tokens are not fetched through the load balancer (got '"
                        + OrchestrationClientBuilder.maskCredentials(tokenUrl) + "')");
                return;
            }
        }
        if (!valid) {
            reject("auth.token-url", "must be an absolute http or https URL, or a path resolved against base-url "
                    + "such as /api/auth/oauth/token (got '" + OrchestrationClientBuilder.maskCredentials(tokenUrl) + "')");
        }
    }

    private void checkRetry(OrchestrationProperties.Retry retry) {
        atLeastOne("retry.max-attempts", retry.getMaxAttempts());
        notNegative("retry.initial-backoff", retry.getInitialBackoff());
        notNegative("retry.max-backoff", retry.getMaxBackoff());
        Duration initial = retry.getInitialBackoff();
        Duration max = retry.getMaxBackoff();
        if (initial != null && max != null && !initial.isNegative() && max.compareTo(initial) < 0) {
            reject("retry.max-backoff", "must be at least retry.initial-backoff (" + DurationText.of(initial)
                    + "), got " + DurationText.of(max));
        }
        if (!(retry.getMultiplier() >= 1.0) || Double.isInfinite(retry.getMultiplier())) {
            reject("retry.multiplier", "must be a number of at least 1 (got " + retry.getMultiplier() + ")");
        }
    }

    private void checkCircuitBreaker(OrchestrationProperties.CircuitBreaker breaker) {
        if (!StringUtils.hasText(breaker.getName())) {
            reject("circuit-breaker.name", "must not be empty");
        }
        Float threshold = breaker.getFailureRateThreshold();
        if (threshold != null && !(threshold > 0f && threshold <= 100f)) {
            reject("circuit-breaker.failure-rate-threshold",
                    "must be a percentage greater than 0 and at most 100 (got " + threshold + ")");
        }
        if (breaker.getMinimumNumberOfCalls() != null) {
            atLeastOne("circuit-breaker.minimum-number-of-calls", breaker.getMinimumNumberOfCalls());
        }
        if (breaker.getSlidingWindowSize() != null) {
            atLeastOne("circuit-breaker.sliding-window-size", breaker.getSlidingWindowSize());
        }
        Duration wait = breaker.getWaitDurationInOpenState();
        if (wait != null && wait.compareTo(Duration.ofMillis(1)) < 0) {
            reject("circuit-breaker.wait-duration-in-open-state", "must be a positive duration of at least 1ms (got "
                    + DurationText.of(wait) + ")");
        }
    }

    private void checkLimits(OrchestrationProperties.Limits limits) {
        if (limits.getAttemptTimeout() != null) {
            positive("limits.attempt-timeout", limits.getAttemptTimeout());
        }
        if (limits.getCallTimeout() != null) {
            positive("limits.call-timeout", limits.getCallTimeout());
        }
        size("limits.max-response-body-size", limits.getMaxResponseBodySize(), Integer.MAX_VALUE - 8);
        atLeastOne("limits.max-header-count", limits.getMaxHeaderCount());
        size("limits.max-header-line-length", limits.getMaxHeaderLineLength(), Integer.MAX_VALUE);
    }

    private void size(String name, org.springframework.util.unit.DataSize value, long max) {
        if (value == null || value.toBytes() < 1 || value.toBytes() > max) {
            reject(name, "must be a size between 1B and " + max + "B such as 32MB (got " + value + ")");
        }
    }

    private void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            reject(name, "must be a positive duration such as 500ms or 10s (got " + DurationText.of(value) + ")");
        }
    }

    private void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            reject(name, "must be zero or a positive duration (got " + DurationText.of(value) + ")");
        }
    }

    private void atLeastOne(String name, int value) {
        if (value < 1) {
            reject(name, "must be at least 1 (got " + value + ")");
        }
    }

    private void reject(String name, String reason) {
        violations.putIfAbsent(P + name, reason);
    }

    /**
     * An {@code lb://service-id} base URL: served only by the Spring Cloud OpenFeign integration, which the client
     * builder checks.
     */
    private static boolean isLoadBalanced(@Nullable String baseUrl) {
        URI uri = StringUtils.hasText(baseUrl) ? parse(baseUrl.strip()) : null;
        return uri != null && "lb".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    private static @Nullable URI parse(String text) {
        try {
            return new URI(text);
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }
}
