package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;
import io.github.formancecommunity.orchestration.client.model.StageUpdate;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import tools.jackson.databind.JsonNode;

/** Triggers through the client, and emitted events that fire them. */
class TriggerOperationsTest {

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;
    private Workflow workflow;

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
        workflow = client.createWorkflow(Workflows.sendWaitDelay("1s"));
    }

    @Test
    void createsReadsListsAndSoftDeletesTriggers() {
        Trigger trigger = client.createTrigger(TriggerData.of("SAVED_PAYMENT", workflow.id()).withName("payins")
                .withFilter("event.amount > 1000").withVars(Map.of("amount", "event.amount")));

        assertThat(trigger.id()).matches("[0-9a-f-]{36}");
        assertThat(trigger.name()).isEqualTo("payins");
        assertThat(trigger.event()).isEqualTo("SAVED_PAYMENT");
        assertThat(trigger.workflowID()).isEqualTo(workflow.id());
        assertThat(trigger.filter()).isEqualTo("event.amount > 1000");
        assertThat(trigger.vars().get("amount").asString()).isEqualTo("event.amount");
        assertThat(trigger.createdAt()).isNotNull();
        assertThat(client.readTrigger(trigger.id())).isEqualTo(trigger);
        assertThat(client.listTriggers()).containsExactly(trigger);

        client.deleteTrigger(trigger.id());

        assertThat(client.listTriggers()).isEmpty();
        assertNotFound(() -> client.readTrigger(trigger.id()));
        assertNotFound(() -> client.deleteTrigger(trigger.id()));
    }

    @Test
    void wireShapeHasNameAlwaysAndWorkflowNull() {
        HttpResponse<String> response = RawHttp.send("POST", server.url("/triggers"),
                "{\"event\":\"E\",\"workflowID\":\"" + workflow.id() + "\",\"unknown\":1}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode data = RawHttp.json(response).get("data");
        assertThat(data.get("name").asString()).isEmpty();
        assertThat(data.get("workflow").isNull()).isTrue();
        assertThat(data.has("filter")).isFalse();
        assertThat(data.has("vars")).isFalse();
    }

    @Test
    void invalidTriggersAreRejectedWithTheRealServersCodes() {
        assertError(RawHttp.send("POST", server.url("/triggers"), "{\"workflowID\":\"" + workflow.id() + "\"}"),
                400, "VALIDATION", "validating data: missing event");
        assertError(RawHttp.send("POST", server.url("/triggers"), "{\"event\":\"E\"}"),
                400, "VALIDATION", "validating data: missing workflow id");
        // handler_create_trigger.go: every decoding error is a 500.
        assertError(RawHttp.send("POST", server.url("/triggers"), "{\"event\":"), 500, "INTERNAL",
                "unexpected EOF");
        assertError(RawHttp.send("POST", server.url("/triggers"),
                "{\"event\":\"E\",\"workflowID\":\"" + workflow.id() + "\",\"vars\":{\"amount\":100}}"),
                500, "INTERNAL", null);
        assertError(RawHttp.send("POST", server.url("/triggers"),
                "{\"event\":\"E\",\"workflowID\":\"" + workflow.id() + "\",\"filter\":\"event.amount >\"}"),
                400, "VALIDATION", null);
        assertError(RawHttp.send("POST", server.url("/triggers"),
                "{\"event\":\"E\",\"workflowID\":\"6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a\"}"),
                404, "NOT_FOUND", "workflow does not exists");
        client.deleteWorkflow(workflow.id());
        assertThatThrownBy(() -> client.createTrigger(TriggerData.of("E", workflow.id())))
                .isInstanceOfSatisfying(OrchestrationApiException.class,
                        ex -> assertThat(ex.status()).isEqualTo(404));
    }

    @Test
    void listTriggersPagesLikeTheV1Server() {
        IntStream.range(0, 120).forEach(i -> server.seedTrigger(TriggerData.of("E" + i, workflow.id())));

        assertThat(client.listTriggers()).hasSize(15)
                .extracting(Trigger::event).startsWith("E0", "E1", "E2");
        assertThat(RawHttp.json(RawHttp.get(server.url("/triggers?pageSize=40"))).get("data")).hasSize(40);
        assertThat(RawHttp.json(RawHttp.get(server.url("/triggers?pageSize=500"))).get("data")).hasSize(100);
        assertError(RawHttp.get(server.url("/triggers?pageSize=abc")), 400, "VALIDATION", null);
    }

    @Test
    void nameFilterFailsLikeTheV1Server() {
        assertThatThrownBy(() -> client.listTriggers("payins"))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(500);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.INTERNAL);
                });
    }

    @Test
    void emittedEventsFireMatchingTriggersWithTheirVariables() {
        Workflow update = client.createWorkflow(WorkflowConfig.of("credit", WorkflowStage.update(
                StageUpdate.ofAccount("users:${user}", "default", Map.of("lastAmount", "${amount}")))));
        Trigger big = client.createTrigger(TriggerData.of("SAVED_PAYMENT", update.id())
                .withFilter("event.amount > 1000 && event.status == 'SUCCEEDED'")
                .withVars(Map.of("amount", "event.amount", "user", "event.metadata.user")));
        Trigger other = client.createTrigger(TriggerData.of("OTHER_EVENT", update.id()));

        List<TriggerOccurrence> small = server.emitEvent("SAVED_PAYMENT",
                Map.of("amount", 10, "status", "SUCCEEDED", "metadata", Map.of("user", "7")));
        List<TriggerOccurrence> fired = server.emitEvent("SAVED_PAYMENT",
                Map.of("amount", 5000, "status", "SUCCEEDED", "metadata", Map.of("user", "7")));

        assertThat(small).isEmpty();
        assertThat(fired).singleElement().satisfies(occurrence -> {
            assertThat(occurrence.triggerID()).isEqualTo(big.id());
            assertThat(occurrence.error()).isNull();
            assertThat(occurrence.event().get("type").asString()).isEqualTo("SAVED_PAYMENT");
            assertThat(occurrence.event().at("/payload/amount").asInt()).isEqualTo(5000);
        });
        String instanceId = fired.get(0).workflowInstanceID();
        WorkflowInstance done = server.awaitTermination(instanceId, Duration.ofSeconds(10));
        assertThat(done.error()).isNull();
        assertThat(client.getInstanceHistory(instanceId).get(0).input().at("/account/id").asString())
                .isEqualTo("users:7");
        assertThat(client.getInstanceHistory(instanceId).get(0).input().at("/account/metadata/lastAmount")
                .asString()).isEqualTo("5000");

        List<TriggerOccurrence> listed = client.listTriggersOccurrences(big.id());
        assertThat(listed).singleElement().satisfies(occurrence -> {
            assertThat(occurrence.workflowInstanceID()).isEqualTo(instanceId);
            assertThat(occurrence.workflowInstance().id()).isEqualTo(instanceId);
            assertThat(occurrence.workflowInstance().terminated()).isTrue();
            assertThat(occurrence.workflowInstance().workflow()).isNull();
            assertThat(occurrence.workflowInstance().status()).isEmpty();
        });
        assertThat(client.listTriggersOccurrences(other.id())).isEmpty();
        assertThat(client.listTriggersOccurrences("unknown-trigger")).isEmpty();
    }

    @Test
    void aVariableThatCannotBeEvaluatedGivesAnErrorOccurrenceWithoutInstance() {
        Trigger trigger = client.createTrigger(TriggerData.of("SAVED_PAYMENT", workflow.id())
                .withVars(Map.of("user", "event.metadata.user")));

        List<TriggerOccurrence> fired = server.emitEvent("SAVED_PAYMENT", Map.of("amount", 1));

        assertThat(fired).singleElement().satisfies(occurrence -> {
            assertThat(occurrence.error()).isEqualTo("cannot fetch user from <nil>");
            assertThat(occurrence.workflowInstanceID()).isNull();
        });
        HttpResponse<String> raw = RawHttp.get(server.url("/triggers/" + trigger.id() + "/occurrences"));
        JsonNode listed = RawHttp.json(raw).get("data").get(0);
        assertThat(listed.has("workflowInstanceID")).isFalse();
        assertThat(listed.has("workflowInstance")).isFalse();
        assertThat(server.instances()).isEmpty();
    }

    @Test
    void versionedAndDeletedTriggersFollowTheRealMatchingRules() {
        Trigger v2 = client.createTrigger(TriggerData.of("E", workflow.id()).withVersion("v2"));
        Trigger any = client.createTrigger(TriggerData.of("E", workflow.id()));
        Trigger deleted = client.createTrigger(TriggerData.of("E", workflow.id()));
        client.deleteTrigger(deleted.id());
        client.deleteWorkflow(workflow.id());

        assertThat(server.emitEvent("E", "v1", Map.of())).extracting(TriggerOccurrence::triggerID)
                .containsExactly(any.id());
        // Triggers of a deleted workflow still fire and start instances.
        assertThat(server.emitEvent("E", "v2", Map.of())).extracting(TriggerOccurrence::triggerID)
                .containsExactly(v2.id(), any.id())
                .doesNotContain(deleted.id());
        assertThat(server.occurrences(any.id())).hasSize(2)
                .allSatisfy(occurrence -> assertThat(occurrence.workflowInstanceID()).isNotNull());
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
            assertThat(ex.status()).isEqualTo(404);
            assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
        });
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = RawHttp.json(response);
        assertThat(body.get("errorCode").asString()).isEqualTo(code);
        if (message != null) {
            assertThat(body.get("errorMessage").asString()).isEqualTo(message);
        }
    }
}
