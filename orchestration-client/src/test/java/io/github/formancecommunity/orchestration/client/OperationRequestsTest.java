package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.contract.RecordedExchange;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.Payloads;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * Every operation against WireMock: the exact request the client sends and the result it decodes from a
 * realistic answer (see {@link OperationScenarios} for each case).
 */
class OperationRequestsTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private OrchestrationV1Client client;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    <T> void sendsTheExactRequestAndDecodesTheAnswer(OperationScenario<T> scenario) {
        T result = scenario.run(server, client);

        scenario.assertSentExactly(server);
        scenario.assertResult(result);
    }

    @Test
    void theScenariosCoverEveryOperation() {
        Set<OrchestrationOperation> covered = scenarios().stream().map(OperationScenario::operation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrchestrationOperation.class)));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(OrchestrationOperation.class));
        assertThat(OrchestrationOperation.values()).hasSize(17);
    }

    @Test
    void createWorkflowSendsTheBigAmountWithEveryDigit() {
        OperationScenario<?> scenario = OperationScenarios.createWorkflow();
        scenario.run(server, client);

        RecordedExchange sent = scenario.assertSentExactly(server);

        assertThat(sent.requestBody()).contains("\"amount\":" + Payloads.BIG_AMOUNT + "}")
                .doesNotContainIgnoringCase("e+").doesNotContain("\"" + Payloads.BIG_AMOUNT + "\"");
    }

    @Test
    void createWorkflowKeepsTheOffsetAndMicrosecondsOfADate() {
        OperationScenario<?> scenario = OperationScenarios.createWorkflow();
        scenario.run(server, client);

        RecordedExchange sent = scenario.assertSentExactly(server);

        assertThat(sent.requestBody()).contains("\"until\":\"2026-05-01T00:00:00.000001+02:00\"");
    }

    @Test
    void anIdIsSentAsASinglePathSegment() {
        server.stubFor(OperationScenarios.deleteTrigger().stub());

        client.deleteTrigger("../workflows/" + Payloads.WORKFLOW_ID);
        client.deleteWorkflow("a b?c=d#e");

        server.verify(1, deleteRequestedFor(urlEqualTo(TestClients.PREFIX + "/triggers/..%2Fworkflows%2F"
                + Payloads.WORKFLOW_ID)));
        server.verify(1, deleteRequestedFor(urlEqualTo(TestClients.PREFIX + "/workflows/a%20b%3Fc%3Dd%23e")));
    }

    @Test
    void runWorkflowSendsItsVariablesWithAFixedLength() {
        OperationScenario<?> scenario = OperationScenarios.runWorkflow();
        scenario.run(server, client);

        RecordedExchange sent = scenario.assertSentExactly(server);

        assertThat(sent.requestHeader("Content-Length")).contains(String.valueOf(sent.requestBody().length()));
        assertThat(sent.requestHeader("Transfer-Encoding")).isEmpty();
        assertThat(sent.query()).doesNotContainKey("wait");
    }
}
