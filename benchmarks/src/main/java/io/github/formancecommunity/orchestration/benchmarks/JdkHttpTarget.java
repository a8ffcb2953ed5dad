package io.github.formancecommunity.orchestration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * Client (c), the baseline: a JDK {@link HttpClient} (HTTP/1.1, its default connection pool) and the wire
 * {@link JsonMapper}, sending the same requests as the project's client (same headers, bearer token, fixed-length
 * JSON body, the same 30 s read time-out) and decoding into the same records through a one-field envelope
 * record. It checks the status code and nothing else: no argument validation, no error mapping.
 */
final class JdkHttpTarget implements BenchmarkTarget {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final JsonMapper mapper = OrchestrationJson.mapper();
    private final String apiUrl;
    private final String authorization;
    private final URI instancesUri;
    private final JavaType workflowType;
    private final JavaType instanceType;
    private final JavaType instanceListType;

    JdkHttpTarget(String baseUrl, String bearerToken) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.apiUrl = baseUrl + CannedOrchestrationServer.PATH_PREFIX;
        this.authorization = "Bearer " + bearerToken;
        this.instancesUri = URI.create(apiUrl + "/instances");
        TypeFactory types = mapper.getTypeFactory();
        this.workflowType = types.constructParametricType(Data.class, Workflow.class);
        this.instanceType = types.constructParametricType(Data.class, WorkflowInstance.class);
        this.instanceListType = types.constructParametricType(Data.class,
                types.constructCollectionType(List.class, WorkflowInstance.class));
    }

    @Override
    public Workflow getWorkflow(String workflowId) {
        HttpRequest request = request(URI.create(apiUrl + "/workflows/" + workflowId)).GET().build();
        return this.<Workflow>send(request, 200, workflowType);
    }

    @Override
    public List<WorkflowInstance> listInstances() {
        HttpRequest request = request(instancesUri).GET().build();
        return this.<List<WorkflowInstance>>send(request, 200, instanceListType);
    }

    @Override
    public WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables) {
        HttpRequest request = request(URI.create(apiUrl + "/workflows/" + workflowId + "/instances"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(variables)))
                .build();
        return this.<WorkflowInstance>send(request, 201, instanceType);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is closeable only from Java 21; its threads are daemons.
    }

    @Override
    public String toString() {
        return "JdkHttpTarget[" + apiUrl + "]";
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(READ_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", authorization);
    }

    private <T> T send(HttpRequest request, int expectedStatus, JavaType type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": HTTP "
                    + response.statusCode());
        }
        Data<T> envelope = mapper.readValue(response.body(), type);
        return envelope.data();
    }

    /** The {@code {"data": ...}} envelope. */
    record Data<T>(T data) {
    }
}
