package io.github.formancecommunity.orchestration.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;

/**
 * {@code base-url: lb://orchestration} with two instances in Spring Cloud's simple discovery client: every call is
 * resolved through Spring Cloud LoadBalancer, both instances receive calls, a retried idempotent call goes to the
 * other instance, a POST is sent once, the per-client read time-out ends a slow call as a time-out, the per-client
 * default headers are sent, the OAuth2 token is fetched once and sent only by this client, not by another
 * {@code @FeignClient}.
 */
@SpringBootTest(classes = LoadBalancedClientIntegrationTests.App.class, properties = {
        "formance.orchestration.base-url=lb://orchestration",
        "formance.orchestration.initialization=eager",
        "formance.orchestration.auth.client-id=cloud-app",
        "formance.orchestration.auth.client-secret=cloud-secret",
        "formance.orchestration.retry.initial-backoff=1ms",
        "formance.orchestration.retry.max-backoff=5ms",
        "spring.cloud.openfeign.client.config.formance-orchestration.read-timeout=1500",
        "spring.cloud.openfeign.client.config.formance-orchestration.default-request-headers.X-Tenant=acme",
        "spring.cloud.openfeign.client.config.default.default-query-parameters.source=cloud-test"})
class LoadBalancedClientIntegrationTests {

    @RegisterExtension
    static final WireMockExtension first = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @RegisterExtension
    static final WireMockExtension second = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** Never reset: the application context, and so the cached token, lives across the tests. */
    static final WireMockServer tokens = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        tokens.start();
        tokens.stubFor(post("/api/auth/oauth/token")
                .willReturn(okJson("{\"access_token\":\"lb-token\",\"expires_in\":3600}")));
    }

    @AfterAll
    static void stopTokens() {
        tokens.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.orchestration[0].uri", first::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.orchestration[1].uri", second::baseUrl);
        registry.add("formance.orchestration.auth.token-url", () -> tokens.baseUrl() + "/api/auth/oauth/token");
        registry.add("other.url", first::baseUrl);
    }

    @Autowired
    OrchestrationV1 orchestration;

    @Autowired
    OtherApi other;

    @Autowired
    FeignClientFactory feignClients;

    @BeforeEach
    void stubs() {

        for (WireMockExtension server : new WireMockExtension[] {first, second}) {
            server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows")).willReturn(okJson("{\"data\":[]}")));
        }
        first.stubFor(get(urlPathEqualTo("/other/ping")).willReturn(okJson("{\"pong\":true}")));
    }

    @Test
    void callsAreResolvedThroughTheLoadBalancerAndReachBothInstances() {
        for (int i = 0; i < 4; i++) {
            assertThat(orchestration.listWorkflows()).isEmpty();
        }

        int onFirst = first.findAll(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))).size();
        int onSecond = second.findAll(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))).size();
        assertThat(onFirst + onSecond).isEqualTo(4);
        assertThat(onFirst).isPositive();
        assertThat(onSecond).isPositive();
        assertThat(feignClients.getContextNames()).contains(OrchestrationSpringCloudAutoConfiguration.CLIENT_NAME);
    }

    @Test
    void perClientDefaultHeadersAndQueryParametersAreSent() {
        orchestration.listWorkflows();
        orchestration.listWorkflows();

        for (WireMockExtension server : new WireMockExtension[] {first, second}) {
            assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))))
                    .allSatisfy(request -> {
                        assertThat(request.getHeader("X-Tenant")).isEqualTo("acme");
                        assertThat(request.queryParameter("source").firstValue()).isEqualTo("cloud-test");
                    });
        }
    }

    @Test
    void theTokenIsFetchedOnceAndSentOnlyByTheOrchestrationClient() {
        other.ping();
        for (int i = 0; i < 4; i++) {
            orchestration.listWorkflows();
        }
        other.ping();

        // Fetched once per scope for the whole application, by whichever test called first.
        assertThat(tokens.findAll(postRequestedFor(urlPathEqualTo("/api/auth/oauth/token"))
                .withRequestBody(containing("scope=orchestration%3Aread")))).hasSize(1);
        for (WireMockExtension server : new WireMockExtension[] {first, second}) {
            assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))))
                    .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer lb-token"));
        }
        first.verify(2, getRequestedFor(urlPathEqualTo("/other/ping")).withoutHeader("Authorization"));
        first.verify(0, getRequestedFor(urlPathEqualTo("/other/ping")).withHeader("X-Tenant", equalTo("acme")));
    }

    @Test
    void aRetriedIdempotentCallGoesToTheOtherInstance() {
        first.stubFor(get(urlPathEqualTo("/api/orchestration/workflows/flaky"))
                .willReturn(aResponse().withStatus(503)));
        second.stubFor(get(urlPathEqualTo("/api/orchestration/workflows/flaky")).willReturn(okJson(
                "{\"data\":{\"id\":\"flaky\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"config\":{\"stages\":[]}}}")));

        for (int i = 0; i < 4; i++) {
            assertThat(orchestration.getWorkflow("flaky").id()).isEqualTo("flaky");
        }

        // Every call ends on the healthy instance; the calls that started on the failing one were retried there.
        second.verify(4, getRequestedFor(urlPathEqualTo("/api/orchestration/workflows/flaky")));
        assertThat(first.findAll(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows/flaky")))).isNotEmpty();
    }

    @Test
    void aPostIsSentOnceWhateverTheInstanceAnswers() {
        for (WireMockExtension server : new WireMockExtension[] {first, second}) {
            server.stubFor(post(urlPathEqualTo("/api/orchestration/workflows")).willReturn(aResponse().withStatus(503)));
        }

        assertThatThrownBy(() -> orchestration.createWorkflow(new WorkflowConfig("w", List.of())))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> assertThat(ex.status()).isEqualTo(503));

        int posts = first.findAll(postRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))).size()
                + second.findAll(postRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))).size();
        assertThat(posts).isEqualTo(1);
    }

    @Test
    void thePerClientReadTimeOutEndsASlowCallAsATimeOut() {
        for (WireMockExtension server : new WireMockExtension[] {first, second}) {
            server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows/slow"))
                    .willReturn(okJson("{\"data\":{}}").withFixedDelay(5_000)));
        }

        assertThatThrownBy(() -> orchestration.getWorkflow("slow"))
                .isInstanceOf(OrchestrationTimeoutException.class)
                .hasMessageContaining("getWorkflow");
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
