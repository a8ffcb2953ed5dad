package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.LogLevel;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.TriggerData;

/**
 * The wire log at its most verbose level writes the exchange (so the test can see it is on) but never the
 * {@code Authorization} header or the token, whatever happens: success, errors, transport failures, 401 retries.
 */
class WireLogRedactionTest {

    private static final String WIRE_LOGGER = "io.github.formancecommunity.orchestration.client.wire";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ScenarioTally TALLY = new ScenarioTally("client wire log redaction");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger wire;
    private Level previousLevel;

    @BeforeEach
    void capture() {
        wire = (Logger) LoggerFactory.getLogger(WIRE_LOGGER);
        previousLevel = wire.getLevel();
        wire.setLevel(Level.ALL);
        appender.start();
        wire.addAppender(appender);
    }

    @AfterEach
    void release() {
        wire.detachAppender(appender);
        wire.setLevel(previousLevel);
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    private String captured() {
        return appender.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    private void assertRedacted() {
        String log = captured();
        assertThat(log).doesNotContain(TOKEN);
        assertThat(log.toLowerCase(java.util.Locale.ROOT)).doesNotContain("authorization").doesNotContain("bearer");
    }

    @Test
    void fullLoggingOfSuccessfulCallsNeverWritesTheToken() throws Exception {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Set-Cookie", "session=" + TOKEN)
                .withBody("{\"data\":[]}")));
        server.stubFor(post(urlPathEqualTo("/triggers")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(OperationCase.Bodies.TRIGGER)));

        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).logLevel(LogLevel.FULL).build()) {
            client.listWorkflows();
            client.createTrigger(TriggerData.of("SAVED_PAYMENT", "w1"));
        }
        TALLY.call();
        TALLY.call();

        String log = captured();
        assertThat(log).contains("GET " + server.baseUrl() + "/workflows").contains("{\"data\":[]}")
                .contains("SAVED_PAYMENT").contains("content-type");
        assertRedacted();
    }

    @Test
    void fullLoggingOfFailuresNeverWritesTheToken() throws Exception {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"boom\"}")));
        server.stubFor(get(urlPathEqualTo("/instances")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlPathEqualTo("/triggers")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        server.stubFor(get(urlPathEqualTo("/_info")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).logLevel(LogLevel.FULL)
                .readTimeout(Duration.ofMillis(200)).build()) {
            catchThrowable(client::listWorkflows);
            catchThrowable(client::listInstances);
            catchThrowable(client::listTriggers);
            catchThrowable(client::getServerInfo);
        }
        for (int i = 0; i < 4; i++) {
            TALLY.fault();
        }

        assertThat(captured()).contains("HTTP/1.1 500").contains("ERROR");
        assertRedacted();
    }

    @Test
    void fullLoggingAcrossA401RetryNeverWritesEitherToken() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        BearerTokenSource rotating = new ErrorResponseFaultTest.RefreshableSource();

        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).tokenSource(rotating)
                .logLevel(LogLevel.FULL).build()) {
            catchThrowable(client::listWorkflows);
        }
        TALLY.fault();
        TALLY.requests(server.getAllServeEvents().size());
        TALLY.retries(server.getAllServeEvents().size() - 1);

        assertThat(server.getAllServeEvents()).hasSize(2);
        List<String> statusLines = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("HTTP/1.1 401")).toList();
        assertThat(statusLines).hasSize(2);
        assertRedacted();
    }

    @Test
    void everyLevelIsRedacted() throws Exception {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[]}")));
        for (LogLevel level : LogLevel.values()) {
            try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).logLevel(level).build()) {
                client.listWorkflows();
            }
            TALLY.call();
        }

        assertThat(captured()).contains("GET " + server.baseUrl() + "/workflows");
        assertRedacted();
        // the header did go out: redaction is in the log, not on the wire
        assertThat(server.getAllServeEvents()).allSatisfy(
                e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    }
}
