package io.github.formancecommunity.orchestration.test.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationProxy;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.fixtures.RecordingForwardProxy;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The plain-Java example of docs/networks.md: a proxy with credentials and a custom trust, end to end. */
class PlainJavaNetworkExampleTest {

    @Test
    void aPlainJavaClientBehindAProxyTrustingAnInternalAuthority() throws Exception {
        TestCertificateAuthority internalCa = TestCertificateAuthority.create("Internal CA");
        EmbeddedTls tls = EmbeddedTls.of(internalCa, internalCa.issueServerCertificate("orchestration.invalid"));
        try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder().https(tls).start();
                RecordingForwardProxy corporateProxy = RecordingForwardProxy.start()
                        .requireCredentials("svc-orchestration", "proxy-password")) {
            String stackUrl = "https://orchestration.invalid:" + server.port();
            int proxyPort = corporateProxy.port();
            SSLContext internalTrust = internalCa.clientSslContext(null);
            String proxyPassword = "proxy-password";

            // tag::plain-java-proxy-and-trust[]
            OrchestrationProxy proxy = OrchestrationProxy.of("127.0.0.1", proxyPort)
                    .withCredentials("svc-orchestration", proxyPassword)
                    .withNonProxyHosts(List.of("*.internal.example", "localhost"));
            try (OrchestrationV1Client client = OrchestrationV1Client.builder()
                    .baseUrl(stackUrl)
                    .proxy(proxy)                 // instead of the JVM's proxy settings
                    .sslContext(internalTrust)    // trusts the internal CA (and may hold a client key)
                    .build()) {
                client.listWorkflows();
            }
            // end::plain-java-proxy-and-trust[]

            assertThat(corporateProxy.targets()).contains("CONNECT orchestration.invalid:" + server.port());
        }
    }
}
