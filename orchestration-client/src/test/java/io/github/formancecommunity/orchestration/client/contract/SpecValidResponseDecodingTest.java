package io.github.formancecommunity.orchestration.client.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import feign.Client;
import feign.Response;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client decodes every response the spec allows. For each of the 17 operations, {@value #DOCUMENTS} random
 * documents of its success schema (none for the four 204 operations) and {@value #DOCUMENTS} of its error schema,
 * generated from {@code orchestration-v1.openapi.yaml} by {@link SpecDocumentGenerator}, go through the client's
 * whole decoding path (Feign, the envelope decoder, the error decoder, the models) behind an in-memory transport.
 * A success must decode, and every workflow stage, history input and free-form object must read back as it came;
 * an error must become an {@link OrchestrationApiException} carrying its code and message. One document in four
 * also carries what the real server sends beyond the spec.
 *
 * <p>A sample of each operation's spec-only documents is also served by WireMock and checked against the spec
 * by the validator, which proves the generator's documents are spec-valid.
 *
 * <p>Every run draws a new base seed unless {@code -Dorchestration.generator.seed=<seed>} fixes it; a failure
 * names the seed and the document.
 */
@Tag("contract")
class SpecValidResponseDecodingTest {

    static final int DOCUMENTS = 1000;
    private static final int VALIDATED_SAMPLE = 10;
    private static final String SEED_PROPERTY = "orchestration.generator.seed";
    private static final long BASE_SEED = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
    private static final int[] ERROR_STATUSES = {400, 404, 409, 422, 500, 503};

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private static OpenAPI api;
    private final JsonMapper mapper = OrchestrationJson.mapper();

    @BeforeAll
    static void readTheSpec() {
        OpenApiContract.load();
        api = new OpenAPIV3Parser().read(Path.of(System.getProperty(OpenApiContract.SPEC_PROPERTY)).toUri().toString());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everySpecValidSuccessAndErrorDecodes(Operation operation) throws Exception {
        CannedTransport transport = new CannedTransport();
        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl("http://127.0.0.1:9")
                .bearerToken(TestClients.TOKEN).httpClient(transport).build()) {
            StageTally tally = new StageTally();
            for (int i = 0; i < DOCUMENTS; i++) {
                long seed = seed(operation, i);
                if (operation.successSchema != null) {
                    JsonNode document = new SpecDocumentGenerator(api, new Random(seed), i % 4 == 0)
                            .component(operation.successSchema);
                    tally.count(decodesSuccess(client, transport, operation, document, seed, i));
                }
                JsonNode error = new SpecDocumentGenerator(api, new Random(~seed), i % 4 == 0).component("Error");
                decodesError(client, transport, operation, error, seed, i);
            }
            if (operation == Operation.LIST_WORKFLOWS) {
                assertThat(tally.unrecognised).as("stages that are not single-key objects").isPositive();
                assertThat(tally.typed).as("stages read by a typed accessor").isPositive();
            }
        }
    }

    /** How many decoded stages were unrecognised and how many read as a typed stage. */
    private static final class StageTally {

        private int unrecognised;
        private int typed;

        void count(Object result) {
            if (result instanceof List<?> list) {
                list.forEach(this::count);
            }
            else if (result instanceof Workflow workflow) {
                for (WorkflowStage stage : workflow.config().stages()) {
                    unrecognised += stage.isUnrecognised() ? 1 : 0;
                    typed += stage.send().isPresent() || stage.delay().isPresent() || stage.waitEvent().isPresent()
                            || stage.update().isPresent() ? 1 : 0;
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void theGeneratedDocumentsAreSpecValid(Operation operation) throws Exception {
        OpenApiContract contract = OpenApiContract.load();
        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            for (int i = 0; i < VALIDATED_SAMPLE; i++) {
                long seed = seed(operation, DOCUMENTS + i);
                boolean error = operation.successSchema == null || i % 3 == 0;
                JsonNode document = new SpecDocumentGenerator(api, new Random(seed), false)
                        .component(error ? "Error" : operation.successSchema);
                int status = error ? ERROR_STATUSES[i % ERROR_STATUSES.length] : operation.status;
                server.resetAll();
                server.stubFor(any(urlPathEqualTo(TestClients.PREFIX + operation.path)).willReturn(aResponse()
                        .withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(mapper.writeValueAsBytes(document))));
                try {
                    operation.call.apply(client);
                }
                catch (OrchestrationApiException expected) {
                    assertThat(error).as(describe(operation, seed, i, document)).isTrue();
                }
                List<ServeEvent> events = server.getAllServeEvents();
                assertThat(events).hasSize(1);
                List<String> violations = contract.violations(OpenApiContract.fromServeEvent(events.get(0))).stream()
                        .filter(violation -> !isSubjectOverlap(violation)).toList();
                assertThat(violations).as(describe(operation, seed, i, document)).isEmpty();
            }
        }
    }

    /**
     * The spec's {@code Subject} is a {@code oneOf} of {@code LedgerAccountSubject} and {@code WalletSubject}
     * whose members overlap (a wallet subject without {@code balance} matches both, and neither forbids the
     * other's fields), so no document satisfies "exactly one" there; the discriminator names the member instead.
     */
    private static boolean isSubjectOverlap(String violation) {
        return violation.contains("schema.oneOf") && violation.contains("matched 2 out of 2")
                && (violation.matches(".*/sources/\\d+\\].*") || violation.contains("/destination]"));
    }

    private Object decodesSuccess(OrchestrationV1 client, CannedTransport transport, Operation operation,
            JsonNode document, long seed, int index) {
        byte[] body = mapper.writeValueAsBytes(document);
        transport.next(operation.status, body);
        Object result;
        try {
            result = operation.call.apply(client);
        }
        catch (RuntimeException ex) {
            throw new AssertionError(describe(operation, seed, index, document) + " did not decode: " + ex, ex);
        }
        if (result == null) {
            throw new AssertionError(describe(operation, seed, index, document) + " decoded as null");
        }
        JsonNode sent = mapper.readTree(body);
        JsonNode expected = operation.enveloped ? sent.get("data") : sent;
        JsonNode decoded = mapper.valueToTree(result);
        List<String> lost = new ArrayList<>();
        compareRaw(expected, decoded, "", lost);
        if (!lost.isEmpty()) {
            throw new AssertionError(describe(operation, seed, index, document) + ": raw JSON lost or changed: "
                    + lost);
        }
        return result;
    }

    private void decodesError(OrchestrationV1 client, CannedTransport transport, Operation operation,
            JsonNode document, long seed, int index) {
        int status = ERROR_STATUSES[index % ERROR_STATUSES.length];
        transport.next(status, mapper.writeValueAsBytes(document));
        try {
            operation.call.apply(client);
        }
        catch (OrchestrationApiException ex) {
            boolean carried = ex.status() == status && ex.errorCode() != null && ex.errorCode().isKnown()
                    && ex.errorCode().value().equals(document.get("errorCode").stringValue())
                    && document.get("errorMessage").stringValue().equals(ex.errorMessage());
            if (!carried) {
                throw new AssertionError(describe(operation, seed, index, document) + " lost its code or message: "
                        + ex.getMessage(), ex);
            }
            return;
        }
        catch (RuntimeException ex) {
            throw new AssertionError(describe(operation, seed, index, document) + " did not decode as an API error: "
                    + ex, ex);
        }
        throw new AssertionError(describe(operation, seed, index, document) + " did not fail");
    }

    /**
     * Walks what was sent beside what the decoded models write back: every free-form value the models keep as
     * JSON (stages, history inputs and outputs, trigger variables, occurrence events) must come back unchanged.
     */
    private static void compareRaw(JsonNode sent, JsonNode decoded, String path, List<String> lost) {
        if (sent == null || decoded == null) {
            return;
        }
        if (sent.isArray() && decoded.isArray()) {
            for (int i = 0; i < Math.min(sent.size(), decoded.size()); i++) {
                compareRaw(sent.get(i), decoded.get(i), path + "[" + i + "]", lost);
            }
            return;
        }
        if (!sent.isObject() || !decoded.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : sent.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode back = decoded.get(name);
            boolean raw = switch (name) {
                case "stages", "input", "output", "vars", "event" -> true;
                default -> false;
            };
            if (raw && !value.isNull() && !("event".equals(name) && value.isString())) {
                if (!value.equals(back)) {
                    lost.add(path + "." + name + ": sent " + value + ", read back " + back);
                }
            }
            else {
                compareRaw(value, back, path + "." + name, lost);
            }
        }
    }

    private static long seed(Operation operation, int index) {
        long seed = BASE_SEED ^ (operation.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
        return seed + index * 0xBF58476D1CE4E5B9L;
    }

    private static String describe(Operation operation, long seed, int index, JsonNode document) {
        String text = document.toString();
        return operation + " document #" + index + " (document seed " + seed + "; rerun with -D" + SEED_PROPERTY
                + "=" + BASE_SEED + ") " + (text.length() > 1500 ? text.substring(0, 1500) + "..." : text);
    }

    /** The 17 operations: path (after the prefix), success status and schema, and how to call them. */
    enum Operation {
        GET_SERVER_INFO("/_info", 200, "ServerInfo", false, c -> c.getServerInfo()),
        LIST_TRIGGERS("/triggers", 200, "ListTriggersResponse", true, c -> c.listTriggers()),
        CREATE_TRIGGER("/triggers", 201, "CreateTriggerResponse", true,
                c -> c.createTrigger(TriggerData.of("SAVED_PAYMENT", "w1"))),
        READ_TRIGGER("/triggers/t1", 200, "ReadTriggerResponse", true, c -> c.readTrigger("t1")),
        DELETE_TRIGGER("/triggers/t1", 204, null, false, c -> {
            c.deleteTrigger("t1");
            return "";
        }),
        LIST_TRIGGERS_OCCURRENCES("/triggers/t1/occurrences", 200, "ListTriggersOccurrencesResponse", true,
                c -> c.listTriggersOccurrences("t1")),
        LIST_WORKFLOWS("/workflows", 200, "ListWorkflowsResponse", true, c -> c.listWorkflows()),
        CREATE_WORKFLOW("/workflows", 201, "CreateWorkflowResponse", true,
                c -> c.createWorkflow(WorkflowConfig.of("flow", WorkflowStage.waitEvent("go")))),
        GET_WORKFLOW("/workflows/w1", 200, "GetWorkflowResponse", true, c -> c.getWorkflow("w1")),
        DELETE_WORKFLOW("/workflows/w1", 204, null, false, c -> {
            c.deleteWorkflow("w1");
            return "";
        }),
        RUN_WORKFLOW("/workflows/w1/instances", 201, "RunWorkflowResponse", true,
                c -> c.runWorkflow("w1", Map.of("amount", "100"))),
        LIST_INSTANCES("/instances", 200, "ListRunsResponse", true, c -> c.listInstances(InstanceQuery.all())),
        GET_INSTANCE("/instances/i1", 200, "GetWorkflowInstanceResponse", true, c -> c.getInstance("i1")),
        SEND_EVENT("/instances/i1/events", 204, null, false, c -> {
            c.sendEvent("i1", "go");
            return "";
        }),
        CANCEL_EVENT("/instances/i1/abort", 204, null, false, c -> {
            c.cancelEvent("i1");
            return "";
        }),
        GET_INSTANCE_HISTORY("/instances/i1/history", 200, "GetWorkflowInstanceHistoryResponse", true,
                c -> c.getInstanceHistory("i1")),
        GET_INSTANCE_STAGE_HISTORY("/instances/i1/stages/0/history", 200, "GetWorkflowInstanceHistoryStageResponse",
                true, c -> c.getInstanceStageHistory("i1", 0));

        final String path;
        final int status;
        final String successSchema;
        final boolean enveloped;
        final Function<OrchestrationV1, Object> call;

        Operation(String path, int status, String successSchema, boolean enveloped,
                Function<OrchestrationV1, Object> call) {
            this.path = path;
            this.status = status;
            this.successSchema = successSchema;
            this.enveloped = enveloped;
            this.call = call;
        }
    }

    /** A Feign transport that answers the next canned response, without a network. */
    private static final class CannedTransport implements Client {

        private int status;
        private byte[] body;

        void next(int nextStatus, byte[] nextBody) {
            this.status = nextStatus;
            this.body = nextBody;
        }

        @Override
        public Response execute(feign.Request request, feign.Request.Options options) {
            Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json"));
            return Response.builder().status(status).reason("canned").request(request).headers(headers)
                    .body(body).build();
        }
    }
}
