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
    private EmbeddedOrchestrationServer server;

    @Test
    void pointsTheOrchestrationPropertiesAtTheRunningServer() {
        assertThat(server.isRunning()).isTrue();
        assertThat(environment.getProperty("formance.orchestration.base-url")).isEqualTo(server.baseUrl())
                .startsWith("http://127.0.0.1:");
        assertThat(environment.getProperty("formance.orchestration.path-prefix")).isEqualTo("/api/orchestration");
        assertThat(environment.getProperty("formance.orchestration.auth.client-id")).isEqualTo("spring-app");
        assertThat(environment.getProperty("formance.orchestration.auth.client-secret")).isEqualTo("spring-secret");
        assertThat(environment.getProperty("formance.orchestration.auth.token-url")).isEqualTo(server.tokenUrl());
    }

    @Test
    void thePropertiesReachTheServerWithTheConfiguredCredentials() throws Exception {
        String baseUrl = environment.getProperty("formance.orchestration.base-url");
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(environment.getProperty("formance.orchestration.auth.client-id"),
                        StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(
                        environment.getProperty("formance.orchestration.auth.client-secret"), StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                URI.create(environment.getProperty("formance.orchestration.auth.token-url")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);

        HttpResponse<String> workflows = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + environment.getProperty("formance.orchestration.path-prefix") + "/workflows")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(workflows.statusCode()).isEqualTo(401);
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyApplication {
    }
}
