package io.github.formancecommunity.orchestration.test.tls;

import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The TLS set-up of an embedded Orchestration server that serves HTTPS: a {@link TestCertificateAuthority}, the
 * server's certificate from it (valid for {@code 127.0.0.1} and {@code localhost}) and, when the server requires
 * mutual TLS, a client certificate from the same authority. It hands out what a client needs: the authority's
 * certificate as PEM, an {@link SSLContext} that trusts it, and the client's key material.
 *
 * <pre>{@code
 * try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder()
 *         .https(EmbeddedTls.generated().requireClientCertificate())
 *         .start()) {
 *     EmbeddedTls tls = server.tls().orElseThrow();
 *     OrchestrationV1Client client = OrchestrationV1Client.builder()
 *             .baseUrl(server.baseUrl())                      // https://127.0.0.1:<port>
 *             .sslContext(tls.clientSslContext())             // trusts the test CA, presents the client certificate
 *             .build();
 * }
 * }</pre>
 */
public final class EmbeddedTls {

    /** The name of the Spring Boot SSL bundle the Spring test support registers for the server. */
    public static final String SSL_BUNDLE_NAME = "embedded-orchestration";

    private final TestCertificateAuthority authority;
    private final TestKeyMaterial serverKeyMaterial;
    private final @Nullable TestKeyMaterial clientKeyMaterial;

    private EmbeddedTls(TestCertificateAuthority authority, TestKeyMaterial serverKeyMaterial,
            @Nullable TestKeyMaterial clientKeyMaterial) {
        this.authority = authority;
        this.serverKeyMaterial = serverKeyMaterial;
        this.clientKeyMaterial = clientKeyMaterial;
    }

    /** A new authority and a server certificate for {@code 127.0.0.1} and {@code localhost}; no mutual TLS. */
    public static EmbeddedTls generated() {
        TestCertificateAuthority authority = TestCertificateAuthority.create("Embedded Orchestration Test CA");
        return new EmbeddedTls(authority, authority.issueServerCertificate("127.0.0.1", "localhost"), null);
    }

    /**
     * A server certificate of the given authority; no mutual TLS.
     *
     * @param authority         the authority clients must trust, which also issues client certificates
     * @param serverKeyMaterial the server's key and certificate chain
     */
    public static EmbeddedTls of(TestCertificateAuthority authority, TestKeyMaterial serverKeyMaterial) {
        return new EmbeddedTls(Objects.requireNonNull(authority, "authority"),
                Objects.requireNonNull(serverKeyMaterial, "serverKeyMaterial"), null);
    }

    /**
     * This set-up with mutual TLS: the server refuses clients without a certificate of the authority, and
     * {@link #clientKeyMaterial()} holds one (common name {@code embedded-orchestration-client}).
     */
    public EmbeddedTls requireClientCertificate() {
        return clientKeyMaterial != null ? this : new EmbeddedTls(authority, serverKeyMaterial,
                authority.issueClientCertificate("embedded-orchestration-client"));
    }

    /** Whether the server requires a client certificate. */
    public boolean clientCertificateRequired() {
        return clientKeyMaterial != null;
    }

    /** The authority that issued the server's certificate. */
    public TestCertificateAuthority authority() {
        return authority;
    }

    /** The server's key material. */
    public TestKeyMaterial serverKeyMaterial() {
        return serverKeyMaterial;
    }

    /** The client certificate for mutual TLS, or {@code null} when the server does not require one. */
    public @Nullable TestKeyMaterial clientKeyMaterial() {
        return clientKeyMaterial;
    }

    /** The authority's certificate in PEM: the trust material a client needs. */
    public String trustPem() {
        return authority.certificatePem();
    }

    /** A client {@link SSLContext} that trusts the authority and, with mutual TLS, presents the client certificate. */
    public SSLContext clientSslContext() {
        return authority.clientSslContext(clientKeyMaterial);
    }

    /** The server's {@link SSLContext}. */
    public SSLContext serverSslContext() {
        return authority.serverSslContext(serverKeyMaterial);
    }

    @Override
    public String toString() {
        return "EmbeddedTls[" + authority + ", mutual=" + clientCertificateRequired() + "]";
    }
}
