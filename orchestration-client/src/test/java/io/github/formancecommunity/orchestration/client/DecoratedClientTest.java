package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.formancecommunity.orchestration.client.docs.PlainJavaClientExample;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.observation.DefaultOrchestrationObservationConvention;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/** A plain-Java client with every decoration, end to end against WireMock. */
class DecoratedClientTest {

    private static final String API = "/api/orchestration";
    private static final String TOKEN_PATH = "/api/auth/oauth/token";

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private OrchestrationV1Client client;

    @BeforeEach
    void observationsMakeTimers() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private static void tokens(String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = i + 1 < values.length ? "token-" + (i + 1) : state;
            server.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + values[i] + "\",\"expires_in\":3600,"
                                    + "\"token_type\":\"Bearer\"}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static void serverInfo() {
        server.stubFor(get(API + "/_info").inScenario("info").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"version\":\"v2.6.0\"}")));
    }

    private List<Timer> requestTimers() {
        return meters.getMeters().stream().filter(Timer.class::isInstance).map(Timer.class::cast).toList();
    }

    @Test
    void theDocumentedClientAuthenticatesRetriesAndTimesEachCallOnce() {
        tokens("tok-1");
        server.stubFor(get(API + "/_info").inScenario("info").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        serverInfo();
        client = PlainJavaClientExample.decoratedClient(server.baseUrl(), "my-client", "my-secret", observations);

        assertThat(client.getServerInfo().version()).isEqualTo("v2.6.0");
        assertThat(client.getServerInfo().version()).isEqualTo("v2.6.0");

        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        server.verify(3, getRequestedFor(urlEqualTo(API + "/_info"))
                .withHeader("Authorization", equalTo("Bearer tok-1")));
        List<Timer> timers = requestTimers();
        assertThat(timers).hasSize(1);
        Timer timer = timers.get(0);
        assertThat(timer.getId().getName()).isEqualTo(DefaultOrchestrationObservationConvention.NAME);
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.getId().getTag("operation")).isEqualTo("orchestrationgetServerInfo");
        assertThat(timer.getId().getTag("status")).isEqualTo("200");
        assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
    }

    @Test
    void aPostIsNeverRetried() {
        tokens("tok-1");
        server.stubFor(post(API + "/workflows").willReturn(aResponse().withStatus(503)));
        client = PlainJavaClientExample.decoratedClient(server.baseUrl(), "my-client", "my-secret", observations);

        assertThatThrownBy(() -> client.createWorkflow(new WorkflowConfig("demo", List.of())))
                .isInstanceOf(OrchestrationApiException.class);

        server.verify(1, postRequestedFor(urlEqualTo(API + "/workflows")));
        assertThat(requestTimers()).singleElement()
                .satisfies(timer -> assertThat(timer.getId().getTag("status")).isEqualTo("503"));
    }

    @Test
    void aRejectedTokenIsReplacedAndTheCallSentOnceMore() {
        tokens("tok-old", "tok-new");
        server.stubFor(get(API + "/_info").withHeader("Authorization", equalTo("Bearer tok-old"))
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(API + "/_info").withHeader("Authorization", equalTo("Bearer tok-new"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"version\":\"v2.6.0\"}")));
        client = PlainJavaClientExample.decoratedClient(server.baseUrl(), "my-client", "my-secret", observations);

        assertThat(client.getServerInfo().version()).isEqualTo("v2.6.0");

        server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        server.verify(2, getRequestedFor(urlEqualTo(API + "/_info")));
    }

    @Test
    void theBreakerOpensOnServerErrorsAndThenStopsSendingRequests() {
        server.stubFor(get(API + "/workflows").willReturn(aResponse().withStatus(503)));
        CircuitBreaker breaker = CircuitBreaker.of("orchestration", CircuitBreakerConfig.custom()
                .slidingWindowSize(2).minimumNumberOfCalls(2).waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .bearerToken("static-token")
                .retry(2, Duration.ZERO, Duration.ZERO, 1.0)
                .circuitBreaker(breaker)
                .meterRegistry(meters)
                .build();

        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationApiException.class);
        assertThatThrownBy(client::listWorkflows).isInstanceOf(OrchestrationCircuitOpenException.class);

        server.verify(2, getRequestedFor(urlEqualTo(API + "/workflows")));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(requestTimers()).extracting(timer -> timer.getId().getTag("status"))
                .containsExactlyInAnyOrder("503", "CIRCUIT_OPEN");
        assertThat(meters.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getTags())
                .noneMatch(tag -> tag.getValue().contains("static-token")));
    }
}
