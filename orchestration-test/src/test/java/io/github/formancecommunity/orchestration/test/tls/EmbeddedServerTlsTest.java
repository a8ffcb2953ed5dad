package io.github.formancecommunity.orchestration.test.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationProxy;
import io.github.formancecommunity.orchestration.client.OrchestrationProxyException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.fixtures.RecordingForwardProxy;
import io.github.formancecommunity.orchestration.client.fixtures.SystemProperties;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * The embedded server over HTTPS with certificates from a test authority generated here, and the plain-Java client
 * against it: trusted with the matching {@code SSLContext}, refused (with a message naming the cause and the
 * setting to check) without it, for another host, when expired, and without the client certificate mutual TLS
 * requires; and reached through an HTTP proxy's CONNECT tunnel.
 */
class EmbeddedServerTlsTest {

    private static final TestCertificateAuthority CA = TestCertificateAuthority.create("Test CA");

    private static void against(EmbeddedTls tls, Consumer<EmbeddedOrchestrationServer> test) {
        try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder().https(tls).start()) {
            test.accept(server);
        }
    }

    private static OrchestrationTransportException failure(OrchestrationClientBuilder builder) throws IOException {
        try (OrchestrationV1Client client = builder.build()) {
            return catchThrowableOfType(OrchestrationTransportException.class, client::listWorkflows);
        }
    }

    @Test
    void theServerServesHttpsThatTheMatchingContextTrusts() {
        against(EmbeddedTls.generated(), server -> {
            assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
            try (OrchestrationV1Client client = server.newClient()) {
                assertThat(client.getServerInfo().version()).isEqualTo(EmbeddedOrchestrationServer.DEFAULT_VERSION);
                assertThat(client.listWorkflows()).isEmpty();
            }
            catch (IOException ex) {
                throw new AssertionError(ex);
            }
            assertThat(server.tls()).get().extracting(EmbeddedTls::trustPem).asString()
                    .startsWith("-----BEGIN CERTIFICATE-----");
        });
    }

    @Test
    void aClientWithoutTheTrustMaterialIsRefusedAndToldWhy() {
        against(EmbeddedTls.generated(), server -> {
            OrchestrationTransportException error = call(() -> failure(OrchestrationV1Client.builder()
                    .baseUrl(server.baseUrl())));

            assertThat(error).isNotInstanceOf(OrchestrationProxyException.class);
            assertThat(error.getMessage()).contains("listWorkflows failed: TLS failed",
                    "not issued by a certificate authority this client trusts", "formance.orchestration.ssl.bundle");
        });
    }

    @Test
    void aCertificateForAnotherHostIsRefusedWhateverTheTrust() {
        against(EmbeddedTls.of(CA, CA.issueServerCertificate("other.example")), server -> {
            OrchestrationTransportException error = call(() -> failure(OrchestrationV1Client.builder()
                    .baseUrl(server.baseUrl()).sslContext(CA.clientSslContext(null))));

            assertThat(error.getMessage()).contains("not valid for the host name", "ssl.bundle");
        });
    }

    @Test
    void anExpiredCertificateIsRefused() {
        against(EmbeddedTls.of(CA, CA.issueExpiredServerCertificate("127.0.0.1")), server -> {
            OrchestrationTransportException error = call(() -> failure(OrchestrationV1Client.builder()
                    .baseUrl(server.baseUrl()).sslContext(CA.clientSslContext(null))));

            assertThat(error.getMessage()).contains("expired");
        });
    }

    @Test
    void mutualTlsAcceptsOnlyAClientWithTheCertificate() {
        against(EmbeddedTls.generated().requireClientCertificate(), server -> {
            EmbeddedTls tls = server.tls().orElseThrow();
            OrchestrationTransportException error = call(() -> failure(OrchestrationV1Client.builder()
                    .baseUrl(server.baseUrl()).sslContext(tls.authority().clientSslContext(null))));
            // a TLS alert or, when the server drops the connection without one, a hint at mutual TLS
            assertThat(error.getMessage()).containsAnyOf("client certificate", "mutual TLS")
                    .contains("formance.orchestration.ssl.bundle");

            try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(server.baseUrl())
                    .sslContext(tls.clientSslContext()).build()) {
                assertThat(client.listWorkflows()).isEmpty();
            }
            catch (IOException ex) {
                throw new AssertionError(ex);
            }
        });
    }

    @Test
    void httpsGoesThroughTheProxyInAConnectTunnel() {
        against(EmbeddedTls.of(CA, CA.issueServerCertificate("orchestration.invalid")), server -> {
            String baseUrl = "https://orchestration.invalid:" + server.port();
            try (RecordingForwardProxy proxy = RecordingForwardProxy.start().requireCredentials("svc", "pw")) {
                try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(baseUrl)
                        .sslContext(CA.clientSslContext(null))
                        .proxy(OrchestrationProxy.of("127.0.0.1", proxy.port()).withCredentials("svc", "pw"))
                        .build()) {
                    assertThat(client.listWorkflows()).isEmpty();
                }
                assertThat(proxy.targets()).allMatch(target -> target.equals("CONNECT orchestration.invalid:"
                        + server.port())).isNotEmpty();
                proxy.clear();

                try (SystemProperties ignored = SystemProperties.proxy(proxy.port(), "")) {
                    OrchestrationProxyException refused = (OrchestrationProxyException) call(() -> failure(
                            OrchestrationV1Client.builder().baseUrl(baseUrl).sslContext(CA.clientSslContext(null))));
                    assertThat(refused.proxyStatus()).isEqualTo(407);
                }
                assertThat(proxy.targets()).containsExactly("CONNECT orchestration.invalid:" + server.port());
            }
            catch (IOException ex) {
                throw new AssertionError(ex);
            }
        });
    }

    private static OrchestrationTransportException call(IoSupplier supplier) {
        try {
            OrchestrationTransportException error = supplier.get();
            assertThat(error).as("the call must fail").isNotNull();
            return error;
        }
        catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @FunctionalInterface
    private interface IoSupplier {

        OrchestrationTransportException get() throws IOException;
    }
}
