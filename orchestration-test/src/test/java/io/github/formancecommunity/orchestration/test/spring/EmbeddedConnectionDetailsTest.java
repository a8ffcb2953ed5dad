package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;

/**
 * The application keeps its own {@code formance.orchestration.*} properties (those of production, say); the
 * annotation's connection details point the starter's client at the embedded server with the server's credentials.
 */
@SpringBootTest(classes = EmbeddedConnectionDetailsTest.App.class)
@AutoConfigureEmbeddedOrchestration(auth = true, clientId = "test-app", clientSecret = "test-secret")
@TestPropertySource(properties = { "formance.orchestration.base-url=https://stack.example.invalid",
        "formance.orchestration.path-prefix=/elsewhere", "formance.orchestration.auth.client-id=prod-app",
        "formance.orchestration.auth.client-secret=prod-secret" })
class EmbeddedConnectionDetailsTest {

    @Autowired
    private Environment environment;

    @Autowired
    private OrchestrationConnectionDetails connectionDetails;

    @Autowired
    private OrchestrationV1 orchestration;

    @Autowired
    private EmbeddedOrchestrationServer server;

    @Test
    void theApplicationsPropertiesStayWhileTheClientCallsTheEmbeddedServer() {
        assertThat(environment.getProperty("formance.orchestration.base-url"))
                .isEqualTo("https://stack.example.invalid");
        assertThat(connectionDetails.getBaseUrl()).isEqualTo(server.baseUrl());
        assertThat(connectionDetails.getPathPrefix()).isEqualTo(server.pathPrefix());
        assertThat(connectionDetails.getAuthentication().clientId()).isEqualTo("test-app");
        assertThat(connectionDetails.getAuthentication().tokenUrl()).isEqualTo(server.tokenUrl());
        assertThat(connectionDetails.toString()).doesNotContain("test-secret");

        assertThat(orchestration.listWorkflows()).isNotNull();

        assertThat(server.exchanges()).filteredOn(ReceivedExchange::isTokenRequest).isNotEmpty()
                .allSatisfy(token -> assertThat(token.requestBody()).contains("client_id=test-app"));
    }

    @SpringBootApplication
    static class App {
    }
}
