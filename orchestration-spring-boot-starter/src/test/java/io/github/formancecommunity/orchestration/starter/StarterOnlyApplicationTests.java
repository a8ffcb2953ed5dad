package io.github.formancecommunity.orchestration.starter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * An application whose only dependency is the starter (plus test tooling): it starts, injects
 * {@link OrchestrationV1} and talks to a stack with OAuth2 client credentials.
 */
@SpringBootTest(classes = StarterOnlyApplicationTests.App.class)
class StarterOnlyApplicationTests {

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("formance.orchestration.base-url", wm::baseUrl);
        registry.add("formance.orchestration.auth.client-id", () -> "starter-app");
        registry.add("formance.orchestration.auth.client-secret", () -> "starter-secret");
    }

    @Autowired
    OrchestrationV1 orchestration;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutAMeterRegistryAndWithoutJackson2() {
        assertThat(context.getBeansOfType(MeterRegistry.class)).isEmpty();
        assertThat(ClassUtils.isPresent("com.fasterxml.jackson.databind.ObjectMapper", null)).isFalse();
    }

    @Test
    void bringsNoSpringCloudAndNoSpringWeb() {
        // Spring Cloud's auto-configurations and its eager Apache HttpClient pool would cost every application
        // hundreds of milliseconds at start-up (see the benchmarks module).
        assertThat(ClassUtils.isPresent("org.springframework.cloud.openfeign.FeignAutoConfiguration", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.cloud.context.named.NamedContextFactory", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.web.bind.annotation.GetMapping", null)).isFalse();
    }

    @Test
    void callsTheStackWithATokenAndDecodesTheModels() {
        wm.stubFor(post("/api/auth/oauth/token").willReturn(okJson(
                "{\"access_token\":\"tok\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        wm.stubFor(get("/api/orchestration/workflows").willReturn(okJson("""
                {"data":[{"id":"wf-1","config":{"name":"payout","stages":[]},
                          "createdAt":"2026-04-28T10:11:12.123456789Z","updatedAt":"2026-04-28T10:11:12Z"}]}""")));
        wm.stubFor(post("/api/orchestration/workflows/wf-1/instances").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"inst-1\",\"workflowID\":\"wf-1\",\"terminated\":false}}")));

        Workflow workflow = orchestration.listWorkflows().get(0);
        WorkflowInstance instance = orchestration.runWorkflow("wf-1", Map.of("amount", "100"));

        assertThat(workflow.id()).isEqualTo("wf-1");
        assertThat(workflow.config().name()).isEqualTo("payout");
        assertThat(workflow.createdAt().getNano()).isEqualTo(123_456_789);
        assertThat(instance.id()).isEqualTo("inst-1");
        wm.verify(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))
                .withHeader("Authorization", equalTo("Bearer tok")));
        wm.verify(postRequestedFor(urlPathEqualTo("/api/orchestration/workflows/wf-1/instances"))
                .withHeader("Authorization", equalTo("Bearer tok"))
                .withRequestBody(equalToJson("{\"amount\":\"100\"}")));
    }

    @SpringBootApplication
    static class App {
    }
}
