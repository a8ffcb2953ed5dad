package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/** The wire log shows the exchange at the chosen level and never the token. */
class WireLoggingTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private final Logger wireLogger = (Logger) LoggerFactory.getLogger(RedactingLogger.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void captureTheWireLog() {
        appender.start();
        wireLogger.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        wireLogger.detachAppender(appender);
    }

    @Test
    void fullLoggingShowsHeadersAndBodiesButNotTheToken() throws IOException {
        OperationScenario<?> createTrigger = OperationScenarios.createTrigger();

        try (OrchestrationV1Client client = TestClients.builder(server).logLevel(LogLevel.FULL).build()) {
            createTrigger.run(server, client);
        }

        String log = String.join("\n", messages());
        assertThat(log).contains("POST " + TestClients.baseUrl(server) + TestClients.PREFIX + "/triggers",
                "Content-Type: application/json", "\"event\":\"SAVED_PAYMENT\"", "HTTP/1.1 201",
                "large-payins");
        assertThat(log).doesNotContain(TestClients.TOKEN).doesNotContainIgnoringCase("authorization");
    }

    @Test
    void noLoggingByDefault() throws IOException {
        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            OperationScenarios.getServerInfo().run(server, client);
        }

        assertThat(messages()).isEmpty();
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
