package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import tools.jackson.databind.JsonNode;

/** createWorkflow, getWorkflow, listWorkflows, deleteWorkflow and their error cases. */
class WorkflowOperationsTest {

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
    void createsReadsListsAndSoftDeletesWorkflows() {
        Workflow first = client.createWorkflow(Workflows.sendWaitDelay("5s"));
        Workflow second = client.createWorkflow(Workflows.waitFor("go"));

        assertThat(first.id()).matches("[0-9a-f-]{36}");
        assertThat(first.config()).isEqualTo(Workflows.sendWaitDelay("5s"));
        assertThat(first.createdAt()).isEqualTo(first.updatedAt());
        assertThat(first.deletedAt()).isNull();
        // The create answer keeps the clock's nanoseconds; reads come back from storage with microseconds.
        Workflow stored = client.getWorkflow(first.id());
        assertThat(stored).isEqualTo(new Workflow(first.id(), first.config(),
                first.createdAt().truncatedTo(ChronoUnit.MICROS), first.updatedAt().truncatedTo(ChronoUnit.MICROS),
                null));
        assertThat(client.listWorkflows()).containsExactly(stored, client.getWorkflow(second.id()));

        client.deleteWorkflow(first.id());

        assertThat(client.listWorkflows()).containsExactly(client.getWorkflow(second.id()));
        Workflow deleted = client.getWorkflow(first.id());
        assertThat(deleted.isDeleted()).isTrue();
        // Deleting again is a 204 that rewrites deletedAt, as on the real server.
        client.deleteWorkflow(first.id());
        assertThat(client.getWorkflow(first.id()).isDeleted()).isTrue();
    }

    @Test
    void keepsPlaceholdersAndUnknownFieldsOfStagesAsSent() {
        String body = """
                {"name":"payin","unknown":true,"stages":[
                  {"send":{"source":{"payment":{"id":"${paymentID}"}},"destination":{"account":{"id":"${user}"}},
                           "amount":{"amount":"${amount}","asset":"EUR/2"},"futureField":1}},
                  {"noop":{}}]}""";
        HttpResponse<String> response = RawHttp.send("POST", server.url("/workflows"), body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode stages = RawHttp.json(response).at("/data/config/stages");
        assertThat(stages).isEqualTo(OrchestrationJson.mapper().readTree(body).get("stages"));
    }

    @Test
    void omittedStagesAreStoredAsNull() {
        HttpResponse<String> response = RawHttp.send("POST", server.url("/workflows"), "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode config = RawHttp.json(response).at("/data/config");
        assertThat(config.get("name").asString()).isEmpty();
        assertThat(config.get("stages").isNull()).isTrue();
        assertThat(RawHttp.json(response).at("/data/deletedAt").isNull()).isTrue();
    }

    @Test
    void undecodableBodiesAreValidationErrors() {
        for (String body : new String[] {"{not json", "[]", "{\"stages\":{}}", "{\"stages\":[1]}",
                "{\"name\":1}", "{\"stages\":[{\"send\":\"x\"}]}"}) {
            HttpResponse<String> response = RawHttp.send("POST", server.url("/workflows"), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(RawHttp.json(response).get("errorCode").asString()).as(body).isEqualTo("VALIDATION");
        }
    }

    @Test
    void invalidStageShapesAreInternalErrorsLikeTheRealServer() {
        assertCreateFails("{\"stages\":[{}]}", "creating workflow: empty specification");
        assertCreateFails("{\"stages\":[{\"delay\":{},\"update\":{}}]}",
                "creating workflow: a specification should have only one name");
        assertCreateFails("{\"stages\":[{\"teleport\":{}}]}", "creating workflow: unable to resolve schema teleport");
        assertCreateFails("{\"stages\":[{\"send\":{\"destination\":{\"account\":{\"id\":\"a\"}}}}]}",
                "creating workflow: resolving field 'Source': expected map but was <nil>");
    }

    @Test
    void stagesThatFailOnlyAtRunTimeAreAccepted() {
        for (String stage : new String[] {"{\"wait_event\":{}}", "{\"delay\":{}}",
                "{\"delay\":{\"duration\":\"1s\",\"until\":\"2030-01-01T00:00:00Z\"}}"}) {
            assertThat(RawHttp.send("POST", server.url("/workflows"), "{\"stages\":[" + stage + "]}").statusCode())
                    .as(stage).isEqualTo(201);
        }
    }

    @Test
    void unknownAndMalformedIdsGiveTheRealServersCodes() {
        String unknown = "6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a";
        assertThatThrownBy(() -> client.getWorkflow(unknown))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(500);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.INTERNAL);
                });
        assertThatThrownBy(() -> client.deleteWorkflow(unknown))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(404);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
                });
        assertThatThrownBy(() -> client.deleteWorkflow("not-a-uuid"))
                .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(400);
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION);
                });
    }

    @Test
    void seededWorkflowsAreServedLikeCreatedOnes() {
        Workflow seeded = server.seedWorkflow(WorkflowConfig.of("seeded", WorkflowStage.waitEvent("go")));

        assertThat(client.getWorkflow(seeded.id())).isEqualTo(seeded);
        assertThat(server.workflows()).containsExactly(seeded);
        assertThatThrownBy(() -> server.seedWorkflow(new WorkflowConfig("bad",
                List.of(WorkflowStage.of("teleport", OrchestrationJson.mapper().createObjectNode())))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("creating workflow: unable to resolve schema teleport");
    }

    private static void assertCreateFails(String body, String message) {
        HttpResponse<String> response = RawHttp.send("POST", server.url("/workflows"), body);
        assertThat(response.statusCode()).as(body).isEqualTo(500);
        assertThat(RawHttp.json(response).get("errorCode").asString()).isEqualTo("INTERNAL");
        assertThat(RawHttp.json(response).get("errorMessage").asString()).isEqualTo(message);
    }
}
