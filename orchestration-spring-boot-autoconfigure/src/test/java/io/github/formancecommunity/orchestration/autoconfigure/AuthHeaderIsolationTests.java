package io.github.formancecommunity.orchestration.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/**
 * The Orchestration client's bearer token is added by its own Feign builder: another {@code @FeignClient} of the
 * same application, calling the same server, must not receive it.
 */
@SpringBootTest(classes = AuthHeaderIsolationTests.App.class)
class AuthHeaderIsolationTests {

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("formance.orchestration.base-url", wm::baseUrl);
        registry.add("formance.orchestration.auth.client-id", () -> "isolation-app");
        registry.add("formance.orchestration.auth.client-secret", () -> "isolation-secret");
        registry.add("other.url", wm::baseUrl);
    }

    @Autowired
    OrchestrationV1 orchestration;

    @Autowired
    OtherApi other;

    @Test
    void onlyOrchestrationCallsCarryTheBearerToken() {
        wm.stubFor(post("/api/auth/oauth/token").willReturn(okJson("{\"access_token\":\"iso-token\"}")));
        wm.stubFor(get("/api/orchestration/workflows").willReturn(okJson("{\"data\":[]}")));
        wm.stubFor(get("/other/ping").willReturn(okJson("{\"pong\":true}")));

        other.ping();
        orchestration.listWorkflows();
        other.ping();

        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))
                .withHeader("Authorization", equalTo("Bearer iso-token")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/other/ping")).withoutHeader("Authorization"));
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/other/ping")))).hasSize(2);
    }

    @FeignClient(name = "other", url = "${other.url}")
    interface OtherApi {

        @GetMapping("/other/ping")
        String ping();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableFeignClients(clients = OtherApi.class)
    static class App {
    }
}
