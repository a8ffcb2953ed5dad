package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CannedOrchestrationServerTest {

    private static final String TOKEN = "test-token";

    private final CannedPayloads payloads = CannedPayloads.create();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private CannedOrchestrationServer server;

    @BeforeEach
    void start() throws Exception {
        server = CannedOrchestrationServer.start(payloads, TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void answersTheCannedWorkflowOverOneKeptAliveConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> response = send(get("/workflows/wf-" + i, "Bearer " + TOKEN));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo(payloads.workflowBody());
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void answersTheInstanceListWhateverTheQuery() throws Exception {
        HttpResponse<byte[]> response = send(get("/instances?running=true", "Bearer " + TOKEN));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(payloads.instancesBody());
    }

    @Test
    void answersARunWith201AfterReadingTheBody() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = send(request("/workflows/wf/instances", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + "1".repeat(40_000) + "\"}"))
                    .build());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo(payloads.startedBody());
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void rejectsAMissingOrWrongTokenWithAnEmpty401() throws Exception {
        HttpResponse<byte[]> missing = send(request("/workflows/wf", null).GET().build());
        HttpResponse<byte[]> wrong = send(get("/workflows/wf", "Bearer " + TOKEN + "x"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEmpty();
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void answersOtherRoutesWithA404ErrorBody() throws Exception {
        for (HttpRequest request : new HttpRequest[] {get("/workflows", "Bearer " + TOKEN),
                get("/workflows/wf/instances", "Bearer " + TOKEN), get("/triggers", "Bearer " + TOKEN),
                request("/workflows/wf", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build()}) {
            HttpResponse<byte[]> response = send(request);
            assertThat(response.statusCode()).as(request.toString()).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"errorCode\":\"NOT_FOUND\"");
        }
    }

    @Test
    void refusesAChunkedBody() throws Exception {
        HttpResponse<byte[]> response = send(request("/workflows/wf/instances", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(response.statusCode()).isEqualTo(411);
    }

    private HttpRequest get(String path, String authorization) {
        return request(path, authorization).GET().build();
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create(server.baseUrl() + CannedOrchestrationServer.PATH_PREFIX + path))
                .timeout(Duration.ofSeconds(10));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
