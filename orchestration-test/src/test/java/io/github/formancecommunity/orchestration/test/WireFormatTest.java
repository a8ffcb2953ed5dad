package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import tools.jackson.databind.JsonNode;

/** Envelopes, content types, status codes and key presence, read straight off the wire. */
class WireFormatTest {

    private static EmbeddedOrchestrationServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedOrchestrationServer.startDefault();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void infoIsNotEnvelopedAndEverythingElseIs() {
        assertThat(RawHttp.json(RawHttp.get(server.url("/_info"))).has("version")).isTrue();
        for (String path : new String[] {"/workflows", "/triggers", "/instances", "/triggers/x/occurrences"}) {
            HttpResponse<String> response = RawHttp.get(server.url(path));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo("{\"data\":[]}\n");
        }
    }

    @Test
    void noContentAnswersStillCarryTheJsonContentType() {
        Workflow workflow = server.seedWorkflow(Workflows.waitFor("go"));
        String instanceId = server.startInstance(workflow.id(), Map.of()).id();

        HttpResponse<String> event = RawHttp.send("POST", server.url("/instances/" + instanceId + "/events"),
                "{\"name\":\"other\"}");
        HttpResponse<String> abort = RawHttp.send("PUT", server.url("/instances/" + instanceId + "/abort"), null);
        HttpResponse<String> delete = RawHttp.send("DELETE", server.url("/workflows/" + workflow.id()), null);

        for (HttpResponse<String> response : List.of(event, abort, delete)) {
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void runWorkflowAnswersTheCreatedInstanceWithoutStatusOrWorkflow() {
        Workflow workflow = server.seedWorkflow(Workflows.sendWaitDelay("1s"));

        HttpResponse<String> response = RawHttp.send("POST", server.url("/workflows/" + workflow.id()
                + "/instances"), "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode data = RawHttp.json(response).get("data");
        assertThat(data.propertyNames()).containsExactly("workflowID", "id", "createdAt", "updatedAt",
                "terminated");
        assertThat(data.get("createdAt")).isEqualTo(data.get("updatedAt"));
        Instant created = Instant.parse(data.get("createdAt").asString());
        assertThat(data.get("createdAt").asString()).endsWith("Z");
        // The answer is the in-memory instance (the clock's digits); a read comes back from storage in microseconds.
        Instant read = Instant.parse(RawHttp.json(RawHttp.get(server.url("/instances/" + data.get("id").asString())))
                .at("/data/createdAt").asString());
        assertThat(read).isEqualTo(created.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void getInstanceHasTheWireKeysInTheRealOrder() {
        Workflow workflow = server.seedWorkflow(Workflows.sendWaitDelay("1s"));
        String instanceId = server.startInstance(workflow.id(), Map.of()).id();

        JsonNode data = RawHttp.json(RawHttp.get(server.url("/instances/" + instanceId))).get("data");

        assertThat(data.propertyNames()).containsExactly("workflowID", "workflow", "id", "createdAt", "updatedAt",
                "terminated", "status");
        assertThat(data.get("workflow").propertyNames()).containsExactly("id", "config", "createdAt", "updatedAt",
                "deletedAt");
        assertThat(data.get("status").get(0).propertyNames()).containsExactly("stage", "instanceID",
                "temporalRunID", "startedAt", "terminatedAt");
        assertThat(data.get("status").get(1).propertyNames()).containsExactly("stage", "instanceID",
                "temporalRunID", "startedAt");
    }

    @Test
    void runWorkflowIgnoresABodySentWithoutContentLength() {
        Workflow workflow = server.seedWorkflow(WorkflowConfig.of("vars", WorkflowStage.waitEvent("${e}")));
        byte[] body = "{\"e\":\"go\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> chunked = RawHttp.send(HttpRequest.newBuilder(URI.create(server.url("/workflows/"
                + workflow.id() + "/instances")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        HttpResponse<String> fixed = RawHttp.send("POST", server.url("/workflows/" + workflow.id() + "/instances"),
                "{\"e\":\"go\"}");

        assertThat(chunked.statusCode()).isEqualTo(201);
        String chunkedId = RawHttp.json(chunked).at("/data/id").asString();
        // Without variables, "${e}" interpolates to "" and the required event is missing.
        assertThat(server.instance(chunkedId).orElseThrow().error()).isNotNull();
        String fixedId = RawHttp.json(fixed).at("/data/id").asString();
        assertThat(server.instance(fixedId).orElseThrow().terminated()).isFalse();
    }

    @Test
    void invalidRunAndEventBodiesAreValidationErrors() {
        Workflow workflow = server.seedWorkflow(Workflows.waitFor("go"));
        String run = server.url("/workflows/" + workflow.id() + "/instances");

        assertThat(RawHttp.send("POST", run, "{\"amount\":100}").statusCode()).isEqualTo(400);
        assertThat(RawHttp.send("POST", run, "[").statusCode()).isEqualTo(400);
        String instanceId = server.startInstance(workflow.id(), Map.of()).id();
        HttpResponse<String> event = RawHttp.send("POST", server.url("/instances/" + instanceId + "/events"), "nope");
        assertThat(event.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(event).get("errorCode").asString()).isEqualTo("VALIDATION");
    }

    @Test
    void nonIntegerStageNumbersAre404WithEmptyBodyAndUnknownRoutesAreChisNotFound() {
        Workflow workflow = server.seedWorkflow(Workflows.waitFor("go"));
        String instanceId = server.startInstance(workflow.id(), Map.of()).id();

        HttpResponse<String> stage = RawHttp.get(server.url("/instances/" + instanceId + "/stages/first/history"));
        assertThat(stage.statusCode()).isEqualTo(404);
        assertThat(stage.body()).isEmpty();
        for (String url : new String[] {server.url("/nowhere"), server.baseUrl() + "/workflows"}) {
            HttpResponse<String> response = RawHttp.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(404);
            assertThat(response.body()).as(url).isEqualTo("404 page not found\n");
        }
        HttpResponse<String> patch = RawHttp.send("PATCH", server.url("/workflows"), "{}");
        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().allValues("Allow")).containsExactly("GET", "POST");
    }

    @Test
    void anEmptyPathPrefixServesTheRoutesAtTheRoot() throws Exception {
        try (EmbeddedOrchestrationServer direct = EmbeddedOrchestrationServer.builder().pathPrefix("").start();
             OrchestrationV1Client client = direct.newClient()) {
            assertThat(direct.apiUrl()).isEqualTo(direct.baseUrl());
            Workflow workflow = client.createWorkflow(Workflows.waitFor("go"));
            assertThat(RawHttp.get(direct.baseUrl() + "/workflows/" + workflow.id()).statusCode()).isEqualTo(200);
            assertThat(RawHttp.get(direct.baseUrl() + "/api/orchestration/workflows").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aCustomPathPrefixIsNormalised() {
        try (EmbeddedOrchestrationServer custom = EmbeddedOrchestrationServer.builder().pathPrefix("orch/v1/")
                .start()) {
            assertThat(custom.pathPrefix()).isEqualTo("/orch/v1");
            assertThat(RawHttp.get(custom.baseUrl() + "/orch/v1/_info").statusCode()).isEqualTo(200);
        }
    }
}
