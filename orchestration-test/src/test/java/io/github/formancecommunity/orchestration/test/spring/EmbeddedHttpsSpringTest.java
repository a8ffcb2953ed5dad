package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.tls.EmbeddedTls;

/**
 * {@code @AutoConfigureEmbeddedOrchestration(https = true, clientCertificate = true)}: the server serves HTTPS with
 * mutual TLS, and the starter's client reaches it (tokens included) through the SSL bundle the annotation registers.
 */
@SpringBootTest(classes = EmbeddedHttpsSpringTest.App.class)
@AutoConfigureEmbeddedOrchestration(https = true, clientCertificate = true, auth = true)
class EmbeddedHttpsSpringTest {

    @Autowired
    private OrchestrationV1 orchestration;

    @Autowired
    private EmbeddedOrchestrationServer server;

    @Autowired
    private Environment environment;

    @Autowired
    private SslBundles bundles;

    @Test
    void theStartersClientTalksToTheHttpsServerThroughTheRegisteredBundle() {
        assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(environment.getProperty("formance.orchestration.ssl.bundle")).isEqualTo(EmbeddedTls.SSL_BUNDLE_NAME);
        assertThat(bundles.getBundle(EmbeddedTls.SSL_BUNDLE_NAME).getStores().getKeyStore()).isNotNull();

        assertThat(orchestration.listWorkflows()).isEmpty();
        assertThat(server.exchanges()).anyMatch(exchange -> exchange.isTokenRequest() && exchange.status() == 200);
    }

    @SpringBootApplication
    static class App {
    }
}
