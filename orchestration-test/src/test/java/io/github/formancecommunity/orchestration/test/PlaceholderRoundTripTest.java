package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendAccount;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * Typed stages with {@code ${...}} placeholders go through the embedded server: the workflow reads back with the
 * same typed values, and a run resolves them from its variables, as the stage history shows.
 */
class PlaceholderRoundTripTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;

    private final StageSend send = StageSend.of(Monetary.of("EUR/2", "${amount}"),
            StageSendSource.ofAccount("world", "${ledger}"),
            new StageSendDestination(null, new StageSendAccount("users:${user}", "${ledger}", null, null, null),
                    null))
            .withMetadata(Map.of("reference", "${ref}"));
    private final StageDelay delay = StageDelay.ofDuration("${wait}");

    @BeforeAll
    static void start() {
        server = EmbeddedOrchestrationServer.startDefault();
        client = server.newClient();
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void placeholdersReadBackThroughTheTypedAccessors() {
        Workflow created = client.createWorkflow(WorkflowConfig.of("placeholders", WorkflowStage.send(send),
                WorkflowStage.delay(delay), WorkflowStage.waitEvent("${event}")));

        List<WorkflowStage> stages = client.getWorkflow(created.id()).config().stages();

        assertThat(stages.get(0).send()).contains(send);
        assertThat(stages.get(0).send().orElseThrow().amount().amountPlaceholder()).isEqualTo("${amount}");
        assertThat(stages.get(0).send().orElseThrow().amount().amount()).isNull();
        assertThat(stages.get(0).spec().get("amount").get("amount").stringValue()).isEqualTo("${amount}");
        assertThat(stages.get(1).delay()).contains(delay);
        assertThat(stages.get(2).waitEvent().orElseThrow().event()).isEqualTo("${event}");
    }

    @Test
    void aRunResolvesThePlaceholdersFromItsVariables() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("placeholders", WorkflowStage.send(send),
                WorkflowStage.delay(delay)));

        WorkflowInstance instance = client.runWorkflow(workflow.id(), Map.of("amount", "1234", "ledger", "default",
                "user", "alice", "overdraft", "true", "ref", "r-1", "wait", "10ms"));
        WorkflowInstance done = server.awaitTermination(instance.id(), BOUND);
        assertThat(done.error()).isNull();

        List<WorkflowInstanceHistory> history = client.getInstanceHistory(instance.id());
        StageSend resolved = history.get(0).sendInput().orElseThrow();
        assertThat(resolved.amount()).isEqualTo(new Monetary("EUR/2", BigInteger.valueOf(1234)));
        assertThat(resolved.destination().account().id()).isEqualTo("users:alice");
        assertThat(resolved.destination().account().ledger()).isEqualTo("default");
        assertThat(resolved.destination().account().allowOverdraft()).isFalse();
        assertThat(resolved.metadata()).containsEntry("reference", "r-1");
        StageDelay waited = history.get(1).delayInput().orElseThrow();
        assertThat(waited.durationValue()).contains(Duration.ofMillis(10));
    }

    /**
     * flows v2.6.0 resolves every stage at creation without variables (internal/schema/map.go, reflect.Bool): a
     * boolean placeholder interpolates to "" there, which is neither true nor false, so creation fails.
     */
    @Test
    void aBooleanPlaceholderIsRefusedAtCreationAsByTheRealServer() {
        StageSend overdraft = StageSend.of(Monetary.of("EUR/2", 1), StageSendSource.ofAccount("world", "default"),
                new StageSendDestination(null, new StageSendAccount("users:1", "default", null, null, "${overdraft}"),
                        null));

        assertThatThrownBy(() -> client.createWorkflow(WorkflowConfig.of("bool", WorkflowStage.send(overdraft))))
                .isInstanceOf(OrchestrationApiException.class)
                .hasMessageContaining("resolving field 'AllowOverdraft': unable to resolve field 'bool' to bool value");
    }

    @Test
    void aJavaDurationIsSentAsAGoDurationTheServerAccepts() {
        StageDelay ninetyMinutes = StageDelay.ofDuration(Duration.ofMinutes(90));
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("typed-delay", WorkflowStage.delay(
                StageDelay.ofDuration(Duration.ofMillis(15)))));

        assertThat(ninetyMinutes.duration()).isEqualTo("1h30m0s");
        WorkflowInstance done = server.awaitTermination(client.runWorkflow(workflow.id()).id(), BOUND);
        assertThat(done.error()).isNull();
        assertThat(client.getInstanceHistory(done.id()).get(0).delayInput().orElseThrow().durationValue())
                .contains(Duration.ofMillis(15));
    }
}
