package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.RecordingForwardProxy;
import io.github.formancecommunity.orchestration.client.fixtures.SystemProperties;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * API calls go through an HTTP proxy: the JVM's proxy settings by default, the builder's proxy when set, never for
 * a bypassed host; a proxy that answers instead of the server (407, a refused CONNECT) is an
 * {@link OrchestrationProxyException}. The API host {@code orchestration.invalid} cannot be resolved: only the
 * proxy (which maps every host to 127.0.0.1) reaches it.
 */
class ProxyRoutingTest {

    private static final String SECRET = "pr0xy-s3cret";

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private RecordingForwardProxy proxy;

    @BeforeEach
    void start() throws IOException {
        proxy = RecordingForwardProxy.start();
        server.stubFor(get(urlPathEqualTo(TestClients.PREFIX + "/workflows")).willReturn(okJson("{\"data\":[]}")));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
    }

    private String unresolvableBaseUrl() {
        return "http://orchestration.invalid:" + server.getPort();
    }

    @Test
    void theJvmProxySettingsApplyWhenNoProxyIsSet() throws IOException {
        try (SystemProperties ignored = SystemProperties.proxy(proxy.port(), "");
                OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(unresolvableBaseUrl())
                        .build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }

        assertThat(proxy.targets()).containsExactly(
                "GET http://orchestration.invalid:" + server.getPort() + TestClients.PREFIX + "/workflows");
    }

    @Test
    void theJvmNonProxyHostsBypassTheJvmProxy() throws IOException {
        try (SystemProperties ignored = SystemProperties.proxy(proxy.port(), "localhost|*.example");
                OrchestrationV1Client client = OrchestrationV1Client.builder()
                        .baseUrl("http://localhost:" + server.getPort()).build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }

        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void theBuilderProxyOverridesTheJvmSettings() throws IOException {
        try (RecordingForwardProxy jvmProxy = RecordingForwardProxy.start();
                SystemProperties ignored = SystemProperties.proxy(jvmProxy.port(), "");
                OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(unresolvableBaseUrl())
                        .proxy(OrchestrationProxy.of("127.0.0.1", proxy.port())).build()) {
            assertThat(client.listWorkflows()).isEmpty();
            assertThat(jvmProxy.requests()).isEmpty();
        }

        assertThat(proxy.requests()).extracting(RecordingForwardProxy.Seen::host)
                .containsExactly("orchestration.invalid");
    }

    @Test
    void aBypassedHostIsReachedDirectly() throws IOException {
        OrchestrationProxy settings = OrchestrationProxy.of("127.0.0.1", proxy.port())
                .withNonProxyHosts(List.of("*.internal.example", "127.0.0.1"));
        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(TestClients.baseUrl(server))
                .proxy(settings).build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }

        assertThat(proxy.requests()).isEmpty();
        assertThat(settings.bypasses("api.internal.example")).isTrue();
        assertThat(settings.bypasses("internal.example.org")).isFalse();
    }

    @Test
    void aProxyAskingForCredentialsIsAProxyFailure() throws IOException {
        proxy.requireCredentials("svc", SECRET);
        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(unresolvableBaseUrl())
                .proxy(OrchestrationProxy.of("127.0.0.1", proxy.port())).build()) {
            OrchestrationProxyException error = catchThrowableOfType(OrchestrationProxyException.class,
                    client::listWorkflows);

            assertThat(error.proxyStatus()).isEqualTo(407);
            assertThat(error.operation()).isSameAs(OrchestrationOperation.LIST_WORKFLOWS);
            assertThat(error.getMessage()).contains("proxy 127.0.0.1:" + proxy.port(), "407",
                    "instead of the server", "proxy.username");
        }
        server.verify(0, getRequestedFor(urlPathEqualTo(TestClients.PREFIX + "/workflows")));
    }

    @Test
    void proxyCredentialsAnswerTheChallengeAndStayOutOfMessages() throws IOException {
        proxy.requireCredentials("svc", SECRET);
        OrchestrationProxy settings = OrchestrationProxy.of("127.0.0.1", proxy.port()).withCredentials("svc", SECRET);
        OrchestrationClientBuilder builder = OrchestrationV1Client.builder().baseUrl(unresolvableBaseUrl())
                .proxy(settings);
        try (OrchestrationV1Client client = builder.build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }

        assertThat(proxy.requests()).last().extracting(RecordingForwardProxy.Seen::proxyAuthorization)
                .asString().startsWith("Basic ");
        assertThat(settings.toString()).contains("svc", "****").doesNotContain(SECRET);
        assertThat(builder.toString()).doesNotContain(SECRET);
    }

    @Test
    void aWrongProxyPasswordIsAProxyFailure() throws IOException {
        proxy.requireCredentials("svc", SECRET);
        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(unresolvableBaseUrl())
                .proxy(OrchestrationProxy.of("127.0.0.1", proxy.port()).withCredentials("svc", "wrong-one"))
                .build()) {
            OrchestrationProxyException error = catchThrowableOfType(OrchestrationProxyException.class,
                    client::listWorkflows);

            assertThat(error.proxyStatus()).isEqualTo(407);
            assertThat(error.getMessage()).doesNotContain("wrong-one");
        }
    }

    @Test
    void httpsGoesThroughAConnectTunnelAndARefusedTunnelIsAProxyFailure() throws IOException {
        proxy.refuseWith(502);
        try (OrchestrationV1Client client = OrchestrationV1Client.builder()
                .baseUrl("https://orchestration.invalid:8443")
                .proxy(OrchestrationProxy.of("127.0.0.1", proxy.port())).build()) {
            OrchestrationProxyException error = catchThrowableOfType(OrchestrationProxyException.class,
                    client::getServerInfo);

            assertThat(error.proxyStatus()).isEqualTo(502);
            assertThat(error.getMessage()).contains("proxy 127.0.0.1:" + proxy.port(), "502", "could not reach the server");
        }
        assertThat(proxy.targets()).containsExactly("CONNECT orchestration.invalid:8443");
    }

    @Test
    void aTunnelRefusedWith503IsAProxyFailureToo() throws IOException {
        proxy.refuseWith(503);
        try (SystemProperties ignored = SystemProperties.proxy(proxy.port(), "");
                OrchestrationV1Client client = OrchestrationV1Client.builder()
                        .baseUrl("https://orchestration.invalid:8443").build()) {
            OrchestrationProxyException error = catchThrowableOfType(OrchestrationProxyException.class,
                    client::getServerInfo);

            assertThat(error.proxyStatus()).isEqualTo(503);
        }
    }

    @Test
    void proxySettingsAreChecked() throws IOException {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> OrchestrationProxy.of("p", 0)))
                .hasMessageContaining("port");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> OrchestrationProxy.of("http://u:pw@p", 80))).hasMessageNotContaining("pw");
    }
}
