package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** A Spring Boot test whose context gets the embedded server through the annotation. */
@SpringBootTest(classes = AutoConfigureEmbeddedOrchestrationTest.EmptyApplication.class)
@AutoConfigureEmbeddedOrchestration(auth = true, clientId = "spring-app", clientSecret = "spring-secret")
@TestPropertySource(properties = {"formance.orchestration.base-url=https://stack.example.invalid",
        "formance.orchestration.path-prefix=/elsewhere"})
class AutoConfigureEmbeddedOrchestrationTest {

    @Autowired
    private Environment environment;

    @Autowired
    private OrchestrationConnectionDetails connectionDetails;

    @Autowired
    private EmbeddedOrchestrationServer server;

    @Test
    void contributesConnectionDetailsForTheRunningServerAndLeavesThePropertiesAlone() {
        assertThat(server.isRunning()).isTrue();
        assertThat(connectionDetails.getBaseUrl()).isEqualTo(server.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(connectionDetails.getPathPrefix()).isEqualTo("/api/orchestration");
        assertThat(connectionDetails.getAuthentication().clientId()).isEqualTo("spring-app");
        assertThat(connectionDetails.getAuthentication().clientSecret()).isEqualTo("spring-secret");
        assertThat(connectionDetails.getAuthentication().tokenUrl()).isEqualTo(server.tokenUrl());
        assertThat(environment.getProperty("formance.orchestration.base-url"))
                .isEqualTo("https://stack.example.invalid");
        assertThat(environment.getProperty("formance.orchestration.path-prefix")).isEqualTo("/elsewhere");
    }

    @Test
    void theConnectionDetailsReachTheServerWithTheConfiguredCredentials() throws Exception {
        OrchestrationConnectionDetails.Authentication auth = connectionDetails.getAuthentication();
        String baseUrl = connectionDetails.getBaseUrl();
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(auth.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(auth.clientSecret(),
                        StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                URI.create(auth.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);

        HttpResponse<String> workflows = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + connectionDetails.getPathPrefix() + "/workflows")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(workflows.statusCode()).isEqualTo(401);
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyApplication {
    }
}
