package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;

/** Every client under test decodes the canned responses into exactly the canned records. */
class ClientsAgreeTest {

    private static final CannedPayloads PAYLOADS = CannedPayloads.create();
    private static CannedOrchestrationServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CannedOrchestrationServer.start(PAYLOADS, ClientState.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "jdk", "cloud"})
    void clientReturnsTheCannedRecords(String client) throws Exception {
        try (BenchmarkTarget target = ClientKind.of(client).open(server.baseUrl(), ClientState.TOKEN)) {
            ResultCheck.verify(target, PAYLOADS);
            assertThat(target.listInstances()).hasSize(CannedPayloads.INSTANCE_COUNT)
                    .allSatisfy(instance -> assertThat(instance.status()).hasSize(3));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "starter;[OrchestrationObservationInterceptor, OrchestrationRetryInterceptor, OrchestrationCircuitBreakerInterceptor]",
            "starter-bare;[]",
            "starter-metrics;[OrchestrationObservationInterceptor]",
            "starter-breaker;[OrchestrationCircuitBreakerInterceptor]",
            "starter-retry;[OrchestrationRetryInterceptor]"})
    void starterVariantsHaveExactlyTheirDecorations(String client, String interceptors) throws Exception {
        try (BenchmarkTarget target = ClientKind.of(client).open(server.baseUrl(), ClientState.TOKEN)) {
            assertThat(target.toString()).endsWith("with interceptors " + interceptors);
            ResultCheck.verify(target, PAYLOADS);
        }
    }

    @Test
    void theCheckRejectsADifferentResult() {
        Workflow other = new Workflow("other", PAYLOADS.workflow().config(), PAYLOADS.workflow().createdAt(),
                PAYLOADS.workflow().updatedAt(), null);
        BenchmarkTarget wrong = new BenchmarkTarget() {
            @Override
            public Workflow getWorkflow(String workflowId) {
                return other;
            }

            @Override
            public List<WorkflowInstance> listInstances() {
                return PAYLOADS.instances();
            }

            @Override
            public WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables) {
                return PAYLOADS.started();
            }

            @Override
            public void close() {
            }
        };
        assertThatIllegalStateException().isThrownBy(() -> ResultCheck.verify(wrong, PAYLOADS))
                .withMessageContaining("getWorkflow");
    }

    @Test
    void unknownClientNamesTheValidOnes() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientKind.of("okhttp"))
                .withMessageContaining("starter").withMessageContaining("jdk");
    }
}
