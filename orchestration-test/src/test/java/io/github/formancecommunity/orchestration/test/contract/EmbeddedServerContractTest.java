package io.github.formancecommunity.orchestration.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.contract.OpenApiContract;
import io.github.formancecommunity.orchestration.client.contract.RecordedExchange;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.StageUpdate;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;

/**
 * Drives the embedded server through the client over every operation, successes and the error answers that
 * spec-conforming requests can get, then checks every exchange the server recorded against the OpenAPI spec with
 * the client's contract checker (which accepts only the real server's documented deviations).
 */
@Tag("contract")
class EmbeddedServerContractTest {

    private static final String UNKNOWN_ID = "6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static OpenApiContract contract;
    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;

    @BeforeAll
    static void start() {
        contract = OpenApiContract.load();
        server = EmbeddedOrchestrationServer.builder().client("contract", "contract-secret").start();
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
    void everyExchangeOfTheScenariosConformsToTheSpec() {
        runSuccessfulScenarios();
        runErrorScenarios();

        List<ReceivedExchange> exchanges = server.exchanges().stream()
                .filter(exchange -> exchange.operation() != null)
                .toList();
        Set<OrchestrationOperation> covered = exchanges.stream().map(ReceivedExchange::operation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrchestrationOperation.class)));
        assertThat(covered).containsExactlyInAnyOrder(OrchestrationOperation.values());
        assertThat(exchanges).extracting(ReceivedExchange::status).contains(200, 201, 204, 400, 404, 500);

        List<String> failures = new ArrayList<>();
        for (ReceivedExchange exchange : exchanges) {
            RecordedExchange recorded = toContract(exchange);
            List<String> violations = contract.violations(recorded);
            if (!violations.isEmpty()) {
                failures.add(recorded.describe() + "\n    " + String.join("\n    ", violations));
            }
        }
        assertThat(failures).as("%d exchanges checked", exchanges.size()).isEmpty();
    }

    @Test
    void theCheckIsNotVacuous() {
        client.createWorkflow(WorkflowConfig.of("x", WorkflowStage.waitEvent("go")));
        RecordedExchange created = toContract(server.lastExchange().orElseThrow());
        contract.assertConforms(created);

        RecordedExchange wrongStatus = new RecordedExchange(created.method(), created.path(), created.query(),
                created.requestHeaders(), created.requestBody(), 200, created.responseHeaders(),
                created.responseBody());
        RecordedExchange wrongPrefix = new RecordedExchange(created.method(), "/workflows", created.query(),
                created.requestHeaders(), created.requestBody(), created.status(), created.responseHeaders(),
                created.responseBody());

        assertThat(contract.violations(wrongStatus)).isNotEmpty();
        assertThat(contract.violations(wrongPrefix)).isNotEmpty();
    }

    private static void runSuccessfulScenarios() {
        client.getServerInfo();

        Workflow demo = client.createWorkflow(WorkflowConfig.of("demo",
                WorkflowStage.send(StageSend.of(Monetary.of("EUR/2", 100), StageSendSource.ofAccount("world",
                        "default"), StageSendDestination.ofAccount("users:001", "default"))),
                WorkflowStage.waitEvent("processed"),
                WorkflowStage.delay(StageDelay.ofDuration("100ms"))));
        client.getWorkflow(demo.id());
        client.listWorkflows();

        WorkflowInstance run = client.runWorkflow(demo.id(), Map.of("unused", "1"));
        client.getInstance(run.id());
        client.getInstanceHistory(run.id());
        client.getInstanceStageHistory(run.id(), 0);
        client.getInstanceStageHistory(run.id(), 1);
        client.sendEvent(run.id(), "ignored");
        client.sendEvent(run.id(), "processed");
        await().atMost(BOUND).until(() -> client.getInstance(run.id()), WorkflowInstance::terminated);
        client.getInstanceHistory(run.id());
        client.getInstanceStageHistory(run.id(), 2);
        client.listInstances();
        client.listInstances(InstanceQuery.ofWorkflow(demo.id()).runningOnly());

        Workflow update = client.createWorkflow(WorkflowConfig.of("update",
                WorkflowStage.update(StageUpdate.ofAccount("users:001", "default", Map.of("vip", "true")))));
        WorkflowInstance updated = client.runWorkflow(update.id(), Map.of(), true);
        client.getInstanceStageHistory(updated.id(), 0);

        Workflow broken = client.createWorkflow(WorkflowConfig.of("broken", WorkflowStage.send(StageSend.of(null,
                StageSendSource.ofAccount("world", null), StageSendDestination.ofAccount("users:001", null)))));
        WorkflowInstance failed = client.runWorkflow(broken.id(), Map.of(), true);
        client.getInstanceHistory(failed.id());

        Workflow waiting = client.createWorkflow(WorkflowConfig.of("waiting", WorkflowStage.waitEvent("never")));
        WorkflowInstance toCancel = client.runWorkflow(waiting.id());
        client.cancelEvent(toCancel.id());
        client.getInstance(toCancel.id());

        Trigger trigger = client.createTrigger(TriggerData.of("SAVED_PAYMENT", update.id()).withName("payins")
                .withFilter("event.amount > 10").withVars(Map.of("amount", "event.amount")));
        Trigger failing = client.createTrigger(TriggerData.of("SAVED_PAYMENT", update.id())
                .withVars(Map.of("user", "event.metadata.user")));
        client.readTrigger(trigger.id());
        client.listTriggers();
        server.emitEvent("SAVED_PAYMENT", Map.of("amount", 100));
        client.listTriggersOccurrences(trigger.id());
        client.listTriggersOccurrences(failing.id());
        client.deleteTrigger(trigger.id());

        client.deleteWorkflow(waiting.id());
    }

    private static void runErrorScenarios() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("short", WorkflowStage.waitEvent("go")));
        WorkflowInstance instance = client.runWorkflow(workflow.id());
        client.sendEvent(instance.id(), "go");
        server.awaitTermination(instance.id(), BOUND);

        List<Runnable> failingCalls = List.of(
                () -> client.getWorkflow(UNKNOWN_ID),
                () -> client.deleteWorkflow(UNKNOWN_ID),
                () -> client.deleteWorkflow("not-a-uuid"),
                () -> client.runWorkflow(UNKNOWN_ID),
                () -> client.getInstance(UNKNOWN_ID),
                () -> client.getInstanceHistory(UNKNOWN_ID),
                () -> client.getInstanceStageHistory(UNKNOWN_ID, 0),
                () -> client.getInstanceStageHistory(instance.id(), 5),
                () -> client.sendEvent(instance.id(), "go"),
                () -> client.sendEvent(UNKNOWN_ID, "go"),
                () -> client.cancelEvent(UNKNOWN_ID),
                () -> client.readTrigger(UNKNOWN_ID),
                () -> client.deleteTrigger(UNKNOWN_ID),
                () -> client.listTriggers("payins"),
                () -> client.createTrigger(TriggerData.of("E", UNKNOWN_ID)));
        for (Runnable call : failingCalls) {
            assertThatThrownBy(call::run).isInstanceOf(OrchestrationApiException.class);
        }
    }

    /**
     * The contract's form of an exchange. The server records the bearer token masked as {@code [REDACTED]}, which
     * is not RFC 6750 token syntax; it is replaced by a well-formed placeholder, so the check still sees that a
     * bearer token was sent.
     */
    private static RecordedExchange toContract(ReceivedExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.requestHeaders());
        headers.replaceAll((name, values) -> name.equalsIgnoreCase("Authorization")
                ? values.stream().map(value -> value.replace("[REDACTED]", "redacted-token")).toList()
                : values);
        return new RecordedExchange(exchange.method(), exchange.path(), exchange.query(), headers,
                exchange.requestBody(), exchange.status(), exchange.responseHeaders(), exchange.responseBody());
    }
}
