package io.github.formancecommunity.orchestration.autoconfigure.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.formancecommunity.orchestration.client.auth.MutableClock;
import io.github.formancecommunity.orchestration.client.auth.Threads;
import io.github.formancecommunity.orchestration.client.auth.TokenRequestGate;

/** The auto-configured client against a WireMock stack: token endpoint and Orchestration API. */
@SpringBootTest(classes = ClientCredentialsFlowTests.App.class)
class ClientCredentialsFlowTests {

    private static final String TOKEN_PATH = "/api/auth/oauth/token";
    private static final String WORKFLOWS = "/api/orchestration/workflows";
    private static final String EVENTS = "/api/orchestration/instances/inst-1/events";
    private static final String CLIENT_ID = "flow-app";
    private static final String SECRET = "flow-s3cr3t-value";

    static final TokenRequestGate gate = new TokenRequestGate(TOKEN_PATH);

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(gate)
                    .containerThreads(40))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("formance.orchestration.base-url", wm::baseUrl);
        registry.add("formance.orchestration.auth.client-id", () -> CLIENT_ID);
        registry.add("formance.orchestration.auth.client-secret", () -> SECRET);
        registry.add("formance.orchestration.auth.refresh-before-expiry", () -> "30s");
    }

    @Autowired
    OrchestrationV1 client;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void expireCachedTokens() {
        // WireMock is reset before each test; tokens cached by an earlier test must not count.
        clock.advance(Duration.ofDays(1));
        wm.stubFor(get(WORKFLOWS).willReturn(okJson("{\"data\":[]}")));
        wm.stubFor(post(EVENTS).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void fetchesATokenWithTheScopeOfEachOperation() {
        wm.stubFor(post(TOKEN_PATH).withFormParam("scope", equalTo("orchestration:read"))
                .willReturn(token("tok-read", 3600)));
        wm.stubFor(post(TOKEN_PATH).withFormParam("scope", equalTo("orchestration:write"))
                .willReturn(token("tok-write", 3600)));

        client.listWorkflows();
        client.sendEvent("inst-1", "approved");

        for (String scope : List.of("orchestration:read", "orchestration:write")) {
            wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                    .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                    .withFormParam("grant_type", equalTo("client_credentials"))
                    .withFormParam("client_id", equalTo(CLIENT_ID))
                    .withFormParam("client_secret", equalTo(SECRET))
                    .withFormParam("scope", equalTo(scope)));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(WORKFLOWS)).withHeader("Authorization",
                equalTo("Bearer tok-read")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization",
                equalTo("Bearer tok-write")));
    }

    @Test
    void reusesTheCachedToken() {
        wm.stubFor(post(TOKEN_PATH).willReturn(token("tok-cached", 3600)));

        client.listWorkflows();
        client.listWorkflows();

        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(WORKFLOWS)).withHeader("Authorization",
                equalTo("Bearer tok-cached")));
    }

    @Test
    void fetchesANewTokenShortlyBeforeExpiry() {
        wm.stubFor(post(TOKEN_PATH).inScenario("expiry").whenScenarioStateIs(STARTED)
                .willReturn(token("tok-first", 300)).willSetStateTo("second"));
        wm.stubFor(post(TOKEN_PATH).inScenario("expiry").whenScenarioStateIs("second")
                .willReturn(token("tok-second", 300)));

        client.listWorkflows();
        clock.advance(Duration.ofSeconds(269));
        client.listWorkflows();
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofSeconds(1));
        client.listWorkflows();

        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(WORKFLOWS)).withHeader("Authorization",
                equalTo("Bearer tok-first")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(WORKFLOWS)).withHeader("Authorization",
                equalTo("Bearer tok-second")));
    }

    @Test
    void a401DropsTheTokenAndRetriesTheCallOnce() {
        stubTwoTokens();
        wm.stubFor(get(WORKFLOWS).withHeader("Authorization", equalTo("Bearer tok-revoked"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")));
        wm.stubFor(get(WORKFLOWS).withHeader("Authorization", equalTo("Bearer tok-fresh"))
                .willReturn(okJson("{\"data\":[{\"id\":\"wf-1\"}]}")));

        assertThat(client.listWorkflows()).singleElement().extracting("id").isEqualTo("wf-1");

        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(WORKFLOWS)));
    }

    @Test
    void aSecond401IsThrownWithoutFurtherRetries() {
        stubTwoTokens();
        wm.stubFor(get(WORKFLOWS).willReturn(aResponse().withStatus(401)));

        OrchestrationApiException failure = catchThrowableOfType(OrchestrationApiException.class,
                client::listWorkflows);

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.getMessage()).doesNotContain("tok-revoked").doesNotContain("tok-fresh");
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(WORKFLOWS)));
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        wm.stubFor(post(TOKEN_PATH).willReturn(token("tok-shared", 3600)));
        gate.close();
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, Object> results = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    results.put(id, client.listWorkflows());
                }
                catch (InterruptedException | RuntimeException ex) {
                    results.put(id, ex);
                }
            }, "caller-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            start.countDown();
            assertThat(gate.awaitHeldRequest()).isTrue();
            // every caller is now either the one holding the token request or waiting for its result
            Threads.awaitParkedIn(threads, "ClientCredentialsTokenSource$ScopeCache.token");
        }
        finally {
            gate.open();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(results).hasSize(callers).allSatisfy((id, result) -> assertThat(result).isEqualTo(List.of()));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(callers, getRequestedFor(urlPathEqualTo(WORKFLOWS)).withHeader("Authorization",
                equalTo("Bearer tok-shared")));
    }

    static Stream<Arguments> tokenEndpointFailures() {
        return Stream.of(
                Arguments.of(aResponse().withStatus(401), 401, "HTTP 401 with an empty body"),
                Arguments.of(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}"), 401, "HTTP 401: invalid_client"),
                Arguments.of(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Internal Server Error</body></html>"), 500,
                        "HTTP 500 with a text/html body: <html><body>Internal Server Error</body></html>"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("}{ garbage"), 200, "HTTP 200 with a body that is not JSON"),
                Arguments.of(okJson("{\"expires_in\":3600}"), 200, "HTTP 200 without an access_token"));
    }

    @ParameterizedTest
    @MethodSource("tokenEndpointFailures")
    void aFailingTokenEndpointGivesAnAuthenticationException(ResponseDefinitionBuilder response, int status,
            String detail) {
        wm.stubFor(post(TOKEN_PATH).willReturn(response));

        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                client::listWorkflows);

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.getMessage()).contains("scope 'orchestration:read'").contains("client '" + CLIENT_ID + "'")
                .contains(detail).doesNotContain(SECRET);
        wm.verify(0, getRequestedFor(urlPathEqualTo(WORKFLOWS)));
    }

    @Test
    void runsWithTheActuatorsMeterRegistry() {
        assertThat(context.getBeansOfType(MeterRegistry.class)).isNotEmpty();
    }

    private static ResponseDefinitionBuilder token(String value, int expiresIn) {
        return okJson("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"Bearer\"}");
    }

    private static void stubTwoTokens() {
        wm.stubFor(post(TOKEN_PATH).inScenario("rotation").whenScenarioStateIs(STARTED)
                .willReturn(token("tok-revoked", 3600)).willSetStateTo("rotated"));
        wm.stubFor(post(TOKEN_PATH).inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(token("tok-fresh", 3600)));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean(OrchestrationAuthAutoConfiguration.CLOCK_BEAN_NAME)
        MutableClock formanceOrchestrationClock() {
            return new MutableClock();
        }
    }
}
