package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.Monetary;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageSend;
import io.github.formancecommunity.orchestration.client.model.StageSendDestination;
import io.github.formancecommunity.orchestration.client.model.StageSendSource;
import io.github.formancecommunity.orchestration.client.model.StageStatus;
import io.github.formancecommunity.orchestration.client.model.StageUpdate;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import tools.jackson.databind.JsonNode;

/** Runs of instances through the client: stages, history, events, wait=true, cancel. */
class InstanceRunTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;

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
    void runsSendWaitEventAndDelayInOrderAndRecordsTheirHistory() {
        Workflow workflow = client.createWorkflow(Workflows.sendWaitDelay("200ms"));

        WorkflowInstance created = client.runWorkflow(workflow.id());
        assertThat(created.workflowID()).isEqualTo(workflow.id());
        assertThat(created.terminated()).isFalse();
        assertThat(created.status()).isEmpty();
        assertThat(created.workflow()).isNull();

        // The send completed before the 201 was written; the instance now waits for "processed".
        WorkflowInstance waiting = client.getInstance(created.id());
        assertThat(waiting.workflow().id()).isEqualTo(workflow.id());
        assertThat(waiting.status()).extracting(StageStatus::stageNumber).containsExactly(0, 1);
        assertThat(waiting.status().get(0).isTerminated()).isTrue();
        assertThat(waiting.status().get(1).isTerminated()).isFalse();
        assertThat(waiting.status()).extracting(StageStatus::temporalRunID).doesNotContainNull()
                .containsOnly(waiting.status().get(0).temporalRunID());

        List<WorkflowInstanceHistory> history = client.getInstanceHistory(created.id());
        assertThat(history).extracting(WorkflowInstanceHistory::name).containsExactly("RunSend", "RunWaitEvent");
        assertThat(history.get(0).input()).isEqualTo(json("""
                {"amount":{"amount":100,"asset":"EUR/2"},
                 "destination":{"account":{"allowOverdraft":false,"id":"users:001","ledger":"default",
                                            "throughAccount":"world"}},
                 "source":{"account":{"allowOverdraft":false,"id":"world","ledger":"default",
                                       "throughAccount":"world"}},
                 "timestamp":null}"""));
        assertThat(history.get(0).terminated()).isTrue();
        assertThat(history.get(1).input()).isEqualTo(json("{\"event\":\"processed\"}"));
        assertThat(history.get(1).terminated()).isFalse();

        List<WorkflowInstanceHistoryStage> send = client.getInstanceStageHistory(created.id(), 0);
        assertThat(send).hasSize(1);
        assertThat(send.get(0).name()).isEqualTo("CreateTransaction");
        assertThat(send.get(0).input()).isEqualTo(json("""
                {"CreateTransaction":{"Ledger":"default","Data":{"postings":[
                  {"amount":100,"asset":"EUR/2","destination":"users:001","source":"world"}]}}}"""));
        JsonNode transaction = send.get(0).output().get("CreateTransaction").get("data").get(0);
        assertThat(transaction.get("txid").asLong()).isZero();
        assertThat(transaction.get("id").asLong()).isZero();
        assertThat(transaction.get("reverted").asBoolean()).isFalse();
        assertThat(send.get(0).attempt()).isEqualTo(1);
        assertThat(send.get(0).terminated()).isTrue();
        assertThat(client.getInstanceStageHistory(created.id(), 1)).isEmpty();
        assertThatThrownBy(() -> client.getInstanceStageHistory(created.id(), 2))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(404);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
                });

        client.sendEvent(created.id(), "something-else");
        assertThat(client.getInstance(created.id()).status()).hasSize(2);
        assertThat(client.listInstances(InstanceQuery.all().runningOnly())).extracting(WorkflowInstance::id)
                .containsExactly(created.id());

        client.sendEvent(created.id(), "processed");
        WorkflowInstance done = await().atMost(BOUND).until(() -> client.getInstance(created.id()),
                WorkflowInstance::terminated);

        assertThat(done.error()).isNull();
        assertThat(done.terminatedAt()).isNotNull();
        assertThat(done.status()).extracting(StageStatus::stageNumber).containsExactly(0, 1, 2);
        assertThat(done.status()).allSatisfy(stage -> {
            assertThat(stage.isTerminated()).isTrue();
            assertThat(stage.error()).isNull();
        });
        List<WorkflowInstanceHistory> finalHistory = client.getInstanceHistory(created.id());
        assertThat(finalHistory).extracting(WorkflowInstanceHistory::name)
                .containsExactly("RunSend", "RunWaitEvent", "RunDelay");
        assertThat(finalHistory).allSatisfy(entry -> assertThat(entry.terminated()).isTrue());
        assertThat(finalHistory.get(2).input()).isEqualTo(json("{\"duration\":\"200ms\"}"));
        assertThat(client.getInstanceStageHistory(created.id(), 2)).isEmpty();

        assertThat(client.listInstances(InstanceQuery.all().runningOnly())).isEmpty();
        assertThatThrownBy(() -> client.sendEvent(created.id(), "processed"))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(500);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(ex.errorMessage())
                            .isEqualTo("sending signal to server: workflow execution already completed");
                });
    }

    @Test
    void sendWithoutAmountFailsTheInstanceLikeTheRealServer() {
        WorkflowStage sendWithoutAmount = WorkflowStage.send(StageSend.of(null,
                StageSendSource.ofAccount("world", null), StageSendDestination.ofAccount("users:001", null)));
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("broken", sendWithoutAmount,
                WorkflowStage.waitEvent("never")));

        WorkflowInstance instance = client.runWorkflow(workflow.id());
        WorkflowInstance done = server.awaitTermination(instance.id(), BOUND);

        assertThat(done.error()).isEqualTo("amount must be specified");
        assertThat(done.status()).singleElement().satisfies(stage -> {
            assertThat(stage.error()).isEqualTo("amount must be specified");
            assertThat(stage.isTerminated()).isTrue();
        });
        List<WorkflowInstanceHistory> history = client.getInstanceHistory(instance.id());
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("RunSend");
            assertThat(entry.error()).isEqualTo("amount must be specified");
            assertThat(entry.input().has("amount")).isFalse();
        });
        assertThat(client.getInstanceStageHistory(instance.id(), 0)).isEmpty();
    }

    @Test
    void resolvesVariablesAndInterpolatesMissingOnesAsEmptyStrings() {
        WorkflowConfig config = OrchestrationJson.mapper().readValue("""
                {"name":"vars","stages":[{"send":{
                  "source":{"account":{"id":"world"}},
                  "destination":{"account":{"id":"users:${user}","ledger":"ledger-${ledger}"}},
                  "amount":{"amount":"${amount}","asset":"USD/2"}}}]}""", WorkflowConfig.class);
        Workflow workflow = client.createWorkflow(config);

        WorkflowInstance ok = client.runWorkflow(workflow.id(), Map.of("user", "42", "amount", "1500",
                "ledger", "b"), true);
        assertThat(ok.terminated()).isTrue();
        assertThat(ok.error()).isNull();
        JsonNode sendInput = client.getInstanceHistory(ok.id()).get(0).input();
        assertThat(sendInput.at("/amount/amount").isNumber()).isTrue();
        assertThat(sendInput.at("/amount/amount").asLong()).isEqualTo(1500);
        assertThat(sendInput.at("/destination/account/id").asString()).isEqualTo("users:42");
        // Different ledgers: one transaction per ledger, through each side's throughAccount.
        List<WorkflowInstanceHistoryStage> activities = client.getInstanceStageHistory(ok.id(), 0);
        assertThat(activities).extracting(activity -> activity.input().at("/CreateTransaction/Ledger").asString())
                .containsExactly("default", "ledger-b");

        // schema/map.go interpolate: a variable the run does not have becomes "" (and then the field's default).
        WorkflowInstance noUser = client.runWorkflow(workflow.id(), Map.of("amount", "1500", "ledger", "b"), true);
        assertThat(noUser.error()).isNull();
        assertThat(client.getInstanceHistory(noUser.id()).get(0).input().at("/destination/account/id").asString())
                .isEqualTo("users:");

        WorkflowInstance missing = client.runWorkflow(workflow.id(), Map.of("user", "42", "ledger", "b"), true);
        assertThat(missing.error()).isNotNull();
        assertThat(missing.status()).singleElement()
                .satisfies(stage -> assertThat(stage.error()).isEqualTo(missing.error()));
        assertThatThrownBy(() -> client.getInstanceStageHistory(missing.id(), 0))
                .isInstanceOfSatisfying(OrchestrationApiException.class,
                        ex -> assertThat(ex.status()).isEqualTo(404));
    }

    @Test
    void updateStageRecordsAnAddAccountMetadataActivity() {
        Workflow workflow = client.createWorkflow(Workflows.update());

        WorkflowInstance done = client.runWorkflow(workflow.id(), Map.of(), true);

        assertThat(done.terminated()).isTrue();
        assertThat(client.getInstanceHistory(done.id())).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("RunUpdate");
            assertThat(entry.input()).isEqualTo(json("""
                    {"account":{"id":"users:001","ledger":"default","metadata":{"status":"vip"}}}"""));
        });
        assertThat(client.getInstanceStageHistory(done.id(), 0)).singleElement().satisfies(activity -> {
            assertThat(activity.name()).isEqualTo("AddAccountMetadata");
            assertThat(activity.input()).isEqualTo(json("""
                    {"AddAccountMetadata":{"ledger":"default","account":"users:001","metadata":{"status":"vip"}}}"""));
            assertThat(activity.output()).isNull();
        });
    }

    @Test
    void waitTrueAnswersWithTheFinalInstance() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("quick",
                WorkflowStage.delay(StageDelay.ofDuration("50ms")),
                WorkflowStage.update(StageUpdate.ofAccount("a", null, Map.of("k", "v")))));

        WorkflowInstance done = client.runWorkflow(workflow.id(), Map.of(), true);

        assertThat(done.terminated()).isTrue();
        assertThat(done.terminatedAt()).isNotNull();
        assertThat(done.workflow().id()).isEqualTo(workflow.id());
        assertThat(done.status()).hasSize(2).allSatisfy(stage -> assertThat(stage.isTerminated()).isTrue());
        assertThat(server.exchanges(OrchestrationOperation.RUN_WORKFLOW))
                .singleElement().satisfies(exchange -> {
                    assertThat(exchange.status()).isEqualTo(201);
                    assertThat(exchange.query()).containsEntry("wait", List.of("true"));
                });
    }

    @Test
    void waitTrueStopsWaitingAtTheServerLimit() {
        try (EmbeddedOrchestrationServer limited = EmbeddedOrchestrationServer.builder()
                .runWaitLimit(Duration.ZERO).start();
             OrchestrationV1Client limitedClient = limited.newClient()) {
            Workflow workflow = limitedClient.createWorkflow(Workflows.waitFor("never"));

            WorkflowInstance running = limitedClient.runWorkflow(workflow.id(), Map.of(), true);

            assertThat(running.terminated()).isFalse();
            assertThat(running.status()).hasSize(1);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void cancelEventTerminatesARunningInstance() {
        Workflow workflow = client.createWorkflow(Workflows.waitFor("never"));
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        client.cancelEvent(instance.id());

        WorkflowInstance canceled = client.getInstance(instance.id());
        assertThat(canceled.terminated()).isTrue();
        assertThat(canceled.error()).isEqualTo("canceled");
        assertThat(canceled.status()).singleElement().satisfies(stage -> {
            assertThat(stage.error()).isEqualTo("canceled");
            assertThat(stage.isTerminated()).isTrue();
        });
        assertThat(client.getInstanceHistory(instance.id())).singleElement()
                .satisfies(entry -> assertThat(entry.error()).isEqualTo("canceled"));
        assertThatThrownBy(() -> client.cancelEvent(instance.id()))
                .isInstanceOfSatisfying(OrchestrationApiException.class,
                        ex -> assertThat(ex.status()).isEqualTo(500));
    }

    @Test
    void cancelEventStopsAPendingDelay() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("long",
                WorkflowStage.delay(StageDelay.ofDuration("1h")), WorkflowStage.waitEvent("after")));
        WorkflowInstance instance = client.runWorkflow(workflow.id());
        assertThat(client.getInstanceHistory(instance.id())).singleElement()
                .satisfies(entry -> assertThat(entry.input()).isEqualTo(json("{\"duration\":\"1h0m0s\"}")));

        client.cancelEvent(instance.id());

        WorkflowInstance canceled = client.getInstance(instance.id());
        assertThat(canceled.error()).isEqualTo("canceled");
        assertThat(canceled.status()).hasSize(1);
    }

    @Test
    void unknownInstancesGiveTheRealServersCodes() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        assertStatus(() -> client.getInstance(unknown), 500, "Instance not found");
        assertStatus(() -> client.getInstanceHistory(unknown), 500, "Instance not found");
        assertStatus(() -> client.sendEvent(unknown, "x"), 500, "retrieving workflow: sql: no rows in result set");
        assertStatus(() -> client.cancelEvent(unknown), 500,
                "retrieving workflow execution: workflow not found for ID: " + unknown + "-main");
        assertStatus(() -> client.getInstanceStageHistory(unknown, 0), 404, "Instance not found");
        assertStatus(() -> client.runWorkflow(unknown), 500, "sql: no rows in result set");
    }

    @Test
    void listInstancesFiltersByWorkflowAndDropsInstancesOfDeletedWorkflows() {
        Workflow first = client.createWorkflow(Workflows.waitFor("a"));
        Workflow second = client.createWorkflow(Workflows.update());
        WorkflowInstance waiting = client.runWorkflow(first.id());
        WorkflowInstance finished = client.runWorkflow(second.id(), Map.of(), true);

        assertThat(client.listInstances()).extracting(WorkflowInstance::id).containsExactly(waiting.id(),
                finished.id());
        assertThat(client.listInstances(InstanceQuery.ofWorkflow(second.id()))).extracting(WorkflowInstance::id)
                .containsExactly(finished.id());
        assertThat(client.listInstances()).allSatisfy(item -> {
            assertThat(item.workflow()).isNotNull();
            assertThat(item.status()).isEmpty();
        });

        client.deleteWorkflow(first.id());
        assertThat(client.listInstances()).extracting(WorkflowInstance::id).containsExactly(finished.id());
        // A deleted workflow can still run.
        assertThat(client.runWorkflow(first.id()).workflowID()).isEqualTo(first.id());
    }

    @Test
    void untilDelayIsRenderedInUtcAndEndsTheStageOnceReached() {
        WorkflowConfig config = OrchestrationJson.mapper().readValue(
                "{\"name\":\"until\",\"stages\":[{\"delay\":{\"until\":\"2020-01-01T01:00:00+01:00\"}}]}",
                WorkflowConfig.class);
        Workflow workflow = client.createWorkflow(config);

        WorkflowInstance done = client.runWorkflow(workflow.id(), Map.of(), true);

        assertThat(done.terminated()).isTrue();
        assertThat(client.getInstanceHistory(done.id()).get(0).input())
                .isEqualTo(json("{\"until\":\"2020-01-01T00:00:00Z\"}"));
    }

    @Test
    void maxDelayShortensDelays() {
        try (EmbeddedOrchestrationServer fast = EmbeddedOrchestrationServer.builder().maxDelay(Duration.ZERO)
                .start()) {
            Workflow workflow = fast.seedWorkflow(WorkflowConfig.of("slow",
                    WorkflowStage.delay(StageDelay.ofDuration("24h"))));

            WorkflowInstance instance = fast.startInstance(workflow.id(), Map.of());

            assertThat(fast.awaitTermination(instance.id(), BOUND).error()).isNull();
        }
    }

    private static void assertStatus(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
            assertThat(ex.status()).isEqualTo(status);
            assertThat(ex.errorMessage()).isEqualTo(message);
        });
    }

    static JsonNode json(String text) {
        return OrchestrationJson.mapper().readTree(text);
    }
}
