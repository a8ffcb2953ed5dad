package io.github.formancecommunity.orchestration.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.fixtures.ErrorScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.ServerErrors;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * Runs the scenarios of the WireMock request tests and the server's error answers, and checks every request the
 * client sent and every response it was given against the OpenAPI spec. Any violation fails.
 */
@Tag("contract")
class ContractConformanceTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private static OpenApiContract contract;

    private OrchestrationV1Client client;

    @BeforeAll
    static void loadTheSpec() {
        contract = OpenApiContract.load();
    }

    @BeforeEach
    void createClient() {
        client = TestClients.builder(server).build();
    }

    @AfterEach
    void closeClient() throws IOException {
        client.close();
    }

    static List<OperationScenario<?>> scenarios() {
        return OperationScenarios.all();
    }

    static List<ErrorScenario> serverErrors() {
        return ServerErrors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachOperationConforms(OperationScenario<?> scenario) {
        scenario.run(server, client);

        assertEveryExchangeConforms();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverErrors")
    void theServersErrorAnswersConform(ErrorScenario scenario) {
        server.stubFor(scenario.stub());

        assertThatExceptionOfType(OrchestrationApiException.class).isThrownBy(() -> scenario.call().accept(client));

        assertEveryExchangeConforms();
    }

    private static void assertEveryExchangeConforms() {
        List<ServeEvent> events = server.getAllServeEvents();
        assertThat(events).as("exchanges recorded").isNotEmpty();
        events.forEach(event -> contract.assertConforms(OpenApiContract.fromServeEvent(event)));
    }
}
