package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP forward proxy that the client's requests go through: plain http requests in absolute form, https
 * through a {@code CONNECT} tunnel. Hosts matching one of the {@linkplain #nonProxyHosts() bypass patterns} are
 * reached directly. The optional credentials answer the proxy's {@code 407} challenge (Basic); the password is
 * never part of {@link #toString()} or of any message.
 *
 * <pre>{@code
 * OrchestrationProxy proxy = OrchestrationProxy.of("proxy.corp.example", 3128)
 *         .withCredentials("svc-orchestration", System.getenv("PROXY_PASSWORD"))
 *         .withNonProxyHosts(List.of("*.internal.example", "localhost"));
 * }</pre>
 *
 * Without an explicit proxy, the client follows the JVM's proxy settings ({@code http.proxyHost},
 * {@code https.proxyHost}, their ports, {@code http.nonProxyHosts}, {@code java.net.useSystemProxies}) through
 * {@link ProxySelector#getDefault()}.
 */
public final class OrchestrationProxy {

    private final String host;
    private final int port;
    private final String username;
    private final char[] password;
    private final List<String> nonProxyHosts;

    private OrchestrationProxy(String host, int port, String username, char[] password, List<String> nonProxyHosts) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts;
    }

    /**
     * A proxy without credentials or bypass hosts.
     *
     * @param host the proxy's host name or IP address
     * @param port the proxy's port, 1 to 65535
     * @throws IllegalArgumentException when the host is blank or the port out of range
     */
    public static OrchestrationProxy of(String host, int port) {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException("proxy host must be a host name or an IP address, got '"
                    + (host == null ? null : OrchestrationClientBuilder.maskCredentials(host)) + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port must be between 1 and 65535, got " + port);
        }
        return new OrchestrationProxy(host.strip(), port, null, null, List.of());
    }

    /**
     * This proxy with credentials for its {@code 407} challenge (Basic authentication).
     *
     * @param username the user name; {@code null} or blank for none
     * @param password the password; kept out of every message and of {@link #toString()}
     */
    public OrchestrationProxy withCredentials(String username, String password) {
        if (username == null || username.isBlank()) {
            return new OrchestrationProxy(host, port, null, null, nonProxyHosts);
        }
        return new OrchestrationProxy(host, port, username, password == null ? new char[0] : password.toCharArray(),
                nonProxyHosts);
    }

    /**
     * This proxy with hosts that bypass it, in the syntax of {@code http.nonProxyHosts}: a host name or address,
     * optionally with a leading or trailing {@code *} ({@code *.internal.example}, {@code 10.*}); matched without
     * regard to case.
     *
     * @param patterns the patterns; {@code null} for none
     */
    public OrchestrationProxy withNonProxyHosts(List<String> patterns) {
        List<String> cleaned = patterns == null ? List.of() : patterns.stream()
                .filter(Objects::nonNull)
                .map(pattern -> pattern.strip().toLowerCase(Locale.ROOT))
                .filter(pattern -> !pattern.isEmpty())
                .toList();
        return new OrchestrationProxy(host, port, username, password, cleaned);
    }

    /** The proxy's host. */
    public String host() {
        return host;
    }

    /** The proxy's port. */
    public int port() {
        return port;
    }

    /** The user name for proxy authentication, or {@code null}. */
    public String username() {
        return username;
    }

    /** Whether credentials for proxy authentication are set. */
    public boolean hasCredentials() {
        return username != null;
    }

    /** The bypass patterns, lower case. */
    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    /** Whether requests to {@code targetHost} bypass this proxy. */
    public boolean bypasses(String targetHost) {
        if (targetHost == null) {
            return false;
        }
        String candidate = targetHost.toLowerCase(Locale.ROOT);
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        for (String pattern : nonProxyHosts) {
            if (matches(pattern, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host) {
        String bare = pattern.startsWith("[") && pattern.endsWith("]") ? pattern.substring(1, pattern.length() - 1)
                : pattern;
        boolean leading = bare.startsWith("*");
        boolean trailing = bare.endsWith("*") && bare.length() > 1;
        String core = bare.substring(leading ? 1 : 0, bare.length() - (trailing ? 1 : 0));
        if (leading && trailing) {
            return host.contains(core);
        }
        if (leading) {
            return host.endsWith(core);
        }
        if (trailing) {
            return host.startsWith(core);
        }
        return host.equals(core);
    }

    /**
     * A {@link ProxySelector} that sends every http and https URI through this proxy unless its host bypasses it,
     * for HTTP clients configured with a selector (such as {@code java.net.http.HttpClient}).
     */
    public ProxySelector proxySelector() {
        return new Selector(this);
    }

    /**
     * The credentials for the proxy's challenge, or {@code null} when none are set. The caller owns the returned
     * object (a copy of the password).
     */
    public PasswordAuthentication credentials() {
        return username == null ? null : new PasswordAuthentication(username, password.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrchestrationProxy that && port == that.port && host.equals(that.host)
                && Objects.equals(username, that.username)
                && Arrays.equals(password, that.password) && nonProxyHosts.equals(that.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, nonProxyHosts);
    }

    @Override
    public String toString() {
        return "OrchestrationProxy[" + host + ":" + port + (username == null ? "" : ", username=" + username
                + ", password=****") + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHosts) + "]";
    }

    /** Selects this proxy for http(s) URIs whose host does not bypass it. */
    private static final class Selector extends ProxySelector {

        private final OrchestrationProxy proxy;
        private final List<Proxy> through;

        Selector(OrchestrationProxy proxy) {
            this.proxy = proxy;
            this.through = List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(proxy.host, proxy.port)));
        }

        @Override
        public List<Proxy> select(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && !proxy.bypasses(uri.getHost()) ? through : List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // nothing to remember: there is one proxy
        }

        @Override
        public String toString() {
            return "ProxySelector[" + proxy + "]";
        }
    }
}
