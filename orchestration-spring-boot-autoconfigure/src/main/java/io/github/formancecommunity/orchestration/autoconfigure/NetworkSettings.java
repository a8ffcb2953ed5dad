package io.github.formancecommunity.orchestration.autoconfigure;

import java.net.URI;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

import io.github.formancecommunity.orchestration.client.OrchestrationProxy;

/**
 * Turns {@code formance.orchestration.proxy.*} and the SSL bundle properties into the client's
 * {@link OrchestrationProxy} and {@link SSLContext}, for the API client, the token source and the health check
 * alike. The properties' syntax is checked by the validator; an SSL bundle name is checked here, against the
 * application's {@link SslBundles}, because only they know it.
 */
public final class NetworkSettings {

    /** The property naming the SSL bundle of the API calls and, by default, of the token requests. */
    public static final String SSL_BUNDLE = OrchestrationProperties.PREFIX + ".ssl.bundle";

    /** The property naming the SSL bundle of the token requests. */
    public static final String AUTH_SSL_BUNDLE = OrchestrationProperties.PREFIX + ".auth.ssl.bundle";

    private NetworkSettings() {
    }

    /**
     * The explicit proxy, or {@code null} when {@code proxy.host} is unset (the JVM's settings then apply).
     *
     * @param properties the validated properties
     * @return the proxy, or {@code null}
     */
    public static OrchestrationProxy proxy(OrchestrationProperties properties) {
        OrchestrationProperties.Proxy settings = properties.getProxy();
        String host = settings.getHost();
        if (!StringUtils.hasText(host)) {
            return null;
        }
        int port = settings.getPort() == null ? 80 : settings.getPort();
        if (host.contains("://")) {
            URI uri = URI.create(host.strip());
            host = uri.getHost();
            if (settings.getPort() == null && uri.getPort() > 0) {
                port = uri.getPort();
            }
        }
        return OrchestrationProxy.of(host, port)
                .withCredentials(settings.getUsername(), settings.getPassword())
                .withNonProxyHosts(settings.getNonProxyHosts());
    }

    /**
     * The TLS context of the API calls ({@code ssl.bundle}), or {@code null} for the JVM's defaults.
     *
     * @param properties the validated properties
     * @param bundles    the application's SSL bundles
     * @return the TLS context, or {@code null}
     * @throws InvalidOrchestrationPropertyException when no bundle has the name
     */
    public static SSLContext apiSslContext(OrchestrationProperties properties, ObjectProvider<SslBundles> bundles) {
        return sslContext(properties.getSsl().getBundle(), SSL_BUNDLE, bundles);
    }

    /**
     * The TLS context of the token requests: {@code auth.ssl.bundle}, else {@code ssl.bundle}, else {@code null}.
     *
     * @param properties the validated properties
     * @param bundles    the application's SSL bundles
     * @return the TLS context, or {@code null}
     * @throws InvalidOrchestrationPropertyException when no bundle has the name
     */
    public static SSLContext tokenSslContext(OrchestrationProperties properties, ObjectProvider<SslBundles> bundles) {
        String own = properties.getAuth().getSsl().getBundle();
        return StringUtils.hasText(own) ? sslContext(own, AUTH_SSL_BUNDLE, bundles)
                : apiSslContext(properties, bundles);
    }

    private static SSLContext sslContext(String name, String property, ObjectProvider<SslBundles> bundles) {
        if (!StringUtils.hasText(name)) {
            return null;
        }
        SslBundles registry = bundles.getIfAvailable();
        if (registry == null) {
            throw new InvalidOrchestrationPropertyException(Map.of(property, "names the SSL bundle '" + name
                    + "', but the application has no SSL bundles (spring.ssl.bundle.*)"));
        }
        try {
            return registry.getBundle(name.strip()).createSslContext();
        }
        catch (NoSuchSslBundleException ex) {
            throw new InvalidOrchestrationPropertyException(Map.of(property, "names the SSL bundle '" + name
                    + "', which is not defined; define it under spring.ssl.bundle.pem." + name
                    + " or spring.ssl.bundle.jks." + name));
        }
    }
}
