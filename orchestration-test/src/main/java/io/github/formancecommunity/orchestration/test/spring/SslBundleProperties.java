package io.github.formancecommunity.orchestration.test.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.formancecommunity.orchestration.test.tls.EmbeddedTls;

/**
 * The properties of a Spring Boot PEM SSL bundle named {@value EmbeddedTls#SSL_BUNDLE_NAME} holding the embedded
 * server's trust material (and the client's key material for mutual TLS), with the PEM text inline, plus
 * {@code formance.orchestration.ssl.bundle} naming it.
 */
final class SslBundleProperties {

    private static final String BUNDLE = "spring.ssl.bundle.pem." + EmbeddedTls.SSL_BUNDLE_NAME + ".";

    private SslBundleProperties() {
    }

    static Map<String, Object> of(EmbeddedTls tls) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(BUNDLE + "truststore.certificate", tls.trustPem());
        if (tls.clientKeyMaterial() != null) {
            properties.put(BUNDLE + "keystore.certificate", tls.clientKeyMaterial().certificateChainPem());
            properties.put(BUNDLE + "keystore.private-key", tls.clientKeyMaterial().privateKeyPem());
        }
        properties.put("formance.orchestration.ssl.bundle", EmbeddedTls.SSL_BUNDLE_NAME);
        return properties;
    }
}
