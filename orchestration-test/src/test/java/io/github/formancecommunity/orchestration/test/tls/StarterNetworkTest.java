package io.github.formancecommunity.orchestration.test.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.health.OrchestrationHealthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationProxyException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.fixtures.RecordingForwardProxy;
import io.github.formancecommunity.orchestration.client.fixtures.SystemProperties;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * The starter's API calls, OAuth2 token requests and health check all go through the same proxy (the JVM's, or
 * {@code formance.orchestration.proxy.*}) and use the same SSL bundle. The API host {@code orchestration.invalid}
 * is reachable only through the recording proxy, which maps it to the loopback server.
 */
class StarterNetworkTest {

    private static final String P = "formance.orchestration.";
    private static final String CLIENT_ID = "net-app";
    private static final String CLIENT_SECRET = "net-s3cret";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class, OrchestrationHealthAutoConfiguration.class))
            .withPropertyValues(P + "initialization=lazy", P + "retry.enabled=false",
                    P + "circuit-breaker.enabled=false");

    private RecordingForwardProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = RecordingForwardProxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private static String[] throughProxyOnly(EmbeddedOrchestrationServer server) {
        String base = "http://orchestration.invalid:" + server.port();
        return new String[] { P + "base-url=" + base, P + "auth.client-id=" + CLIENT_ID,
                P + "auth.client-secret=" + CLIENT_SECRET, P + "auth.token-url=" + EmbeddedOrchestrationServer.TOKEN_PATH };
    }

    private static EmbeddedOrchestrationServer server() {
        return EmbeddedOrchestrationServer.builder().client(CLIENT_ID, CLIENT_SECRET).start();
    }

    private void assertEveryKindOfRequestWentThroughTheProxy(EmbeddedOrchestrationServer server) {
        String origin = "http://orchestration.invalid:" + server.port();
        assertThat(proxy.targets()).contains("POST " + origin + EmbeddedOrchestrationServer.TOKEN_PATH,
                "GET " + origin + "/api/orchestration/workflows", "GET " + origin + "/api/orchestration/_info");
    }

    @Test
    void theJvmProxySettingsApplyToApiTokenAndHealthRequests() {
        try (EmbeddedOrchestrationServer server = server();
                SystemProperties ignored = SystemProperties.proxy(proxy.port(), "")) {
            runner.withPropertyValues(throughProxyOnly(server)).run(context -> {
                assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
                Health health = context.getBean("orchestrationHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
            });
            assertEveryKindOfRequestWentThroughTheProxy(server);
        }
    }

    @Test
    void theProxyPropertiesApplyToApiTokenAndHealthRequestsWithCredentials() {
        proxy.requireCredentials("svc", "pr0xy-pw");
        try (EmbeddedOrchestrationServer server = server()) {
            runner.withPropertyValues(throughProxyOnly(server))
                    .withPropertyValues(P + "proxy.host=127.0.0.1", P + "proxy.port=" + proxy.port(),
                            P + "proxy.username=svc", P + "proxy.password=pr0xy-pw")
                    .run(context -> {
                        assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
                        assertThat(context.getBean("orchestrationHealthIndicator", HealthIndicator.class).health()
                                .getStatus()).isEqualTo(Status.UP);
                    });
            assertEveryKindOfRequestWentThroughTheProxy(server);
        }
    }

    @Test
    void bypassedHostsAreReachedDirectly() {
        try (EmbeddedOrchestrationServer server = server()) {
            runner.withPropertyValues(P + "base-url=" + server.baseUrl(), P + "auth.client-id=" + CLIENT_ID,
                    P + "auth.client-secret=" + CLIENT_SECRET, P + "proxy.host=127.0.0.1",
                    P + "proxy.port=" + proxy.port(), P + "proxy.non-proxy-hosts=localhost,127.0.0.1")
                    .run(context -> {
                        assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
                        assertThat(context.getBean("orchestrationHealthIndicator", HealthIndicator.class).health()
                                .getStatus()).isEqualTo(Status.UP);
                    });
        }
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void aProxyAskingForCredentialsIsTypedForTokenAndApiRequests() {
        proxy.requireCredentials("svc", "pr0xy-pw");
        try (EmbeddedOrchestrationServer server = server()) {
            runner.withPropertyValues(throughProxyOnly(server))
                    .withPropertyValues(P + "proxy.host=127.0.0.1", P + "proxy.port=" + proxy.port())
                    .run(context -> {
                        OrchestrationAuthenticationException token = catchThrowableOfType(
                                OrchestrationAuthenticationException.class,
                                () -> context.getBean(OrchestrationV1.class).listWorkflows());
                        assertThat(token.getMessage()).contains("proxy answered 407", "proxy.username");
                        assertThat(token.getCause()).isInstanceOf(OrchestrationProxyException.class);
                    });
            runner.withPropertyValues(P + "base-url=http://orchestration.invalid:" + server.port(),
                    P + "proxy.host=127.0.0.1", P + "proxy.port=" + proxy.port()).run(context -> {
                        OrchestrationProxyException api = catchThrowableOfType(OrchestrationProxyException.class,
                                () -> context.getBean(OrchestrationV1.class).getServerInfo());
                        assertThat(api.proxyStatus()).isEqualTo(407);
                        assertThat(context.getBean("orchestrationHealthIndicator", HealthIndicator.class).health()
                                .getDetails().get("error")).asString().contains("OrchestrationProxyException", "407");
                    });
        }
    }

    @Test
    void anSslBundleOfTheTestAuthorityIsTrustedForApiTokenAndHealthRequests() {
        EmbeddedTls tls = EmbeddedTls.generated().requireClientCertificate();
        try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder().https(tls)
                .client(CLIENT_ID, CLIENT_SECRET).start()) {
            String bundle = "spring.ssl.bundle.pem.corp.";
            ApplicationContextRunner https = runner.withPropertyValues(P + "base-url=" + server.baseUrl(),
                    P + "auth.client-id=" + CLIENT_ID, P + "auth.client-secret=" + CLIENT_SECRET,
                    P + "auth.token-url=" + server.tokenUrl());
            https.withPropertyValues(bundle + "truststore.certificate=" + tls.trustPem(),
                    bundle + "keystore.certificate=" + tls.clientKeyMaterial().certificateChainPem(),
                    bundle + "keystore.private-key=" + tls.clientKeyMaterial().privateKeyPem(),
                    P + "ssl.bundle=corp").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
                        assertThat(context.getBean("orchestrationHealthIndicator", HealthIndicator.class).health()
                                .getStatus()).isEqualTo(Status.UP);
                    });
            assertThat(server.exchanges()).isNotEmpty();

            // the same stack without the bundle: the token request is refused, and says why
            https.run(context -> {
                OrchestrationAuthenticationException error = catchThrowableOfType(
                        OrchestrationAuthenticationException.class,
                        () -> context.getBean(OrchestrationV1.class).listWorkflows());
                assertThat(error.getMessage()).contains("TLS failed",
                        "not issued by a certificate authority this client trusts", "auth.ssl.bundle");
            });
            // trust without the client certificate: mutual TLS refuses the API call
            https.withPropertyValues(P + "auth.token=static-token", P + "auth.client-id=", P + "auth.client-secret=",
                    bundle + "truststore.certificate=" + tls.trustPem(), P + "ssl.bundle=corp").run(context -> {
                        OrchestrationTransportException error = catchThrowableOfType(
                                OrchestrationTransportException.class,
                                () -> context.getBean(OrchestrationV1.class).getServerInfo());
                        assertThat(error.getMessage()).containsAnyOf("client certificate", "mutual TLS")
                                .contains("formance.orchestration.ssl.bundle");
                    });
        }
    }
}
