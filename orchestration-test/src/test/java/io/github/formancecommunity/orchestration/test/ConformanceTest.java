package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import tools.jackson.databind.JsonNode;

/**
 * One case per audited behaviour of the real server (formancehq/flows v2.6.0 with go-libs v3.3.0, chi v5 and
 * expr-lang v1.17.7): the case name gives the source file (and function or line) the expected answer comes from.
 * Behaviours where the embedded server differs on purpose are listed in the module README, not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {

    private EmbeddedOrchestrationServer server;
    private EmbeddedOrchestrationServer secured;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:20:30.123456789Z"));
    private EmbeddedOrchestrationServer timed;

    @BeforeAll
    void start() {
        server = EmbeddedOrchestrationServer.builder().maxDelay(Duration.ZERO).start();
        secured = EmbeddedOrchestrationServer.builder().client("conformance", "secret").start();
        timed = EmbeddedOrchestrationServer.builder().clock(clock).maxDelay(Duration.ZERO).start();
    }

    @AfterAll
    void stop() {
        server.close();
        secured.close();
        timed.close();
    }

    @BeforeEach
    void clean() {
        server.reset();
        timed.reset();
        clock.set(Instant.parse("2026-05-04T10:20:30.123456789Z"));
    }

    /** One audited behaviour. */
    record Case(String name, Consumer<ConformanceTest> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Consumer<ConformanceTest> check) {
        return new Case(name, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesLikeFlows(Case behaviour) {
        behaviour.check().accept(this);
    }

    static Stream<Case> cases() {
        return Stream.of(routing(), routes(), pagination(), numbersAndTimes(), workflows(), resolution(),
                        instanceOperations(), runVariables(), triggerOperations(), encoding(), utf8AndStages(), decoderWords(), durations(), amounts(), moreAudits(),
                        filterSemantics(),
                        variableSemantics(), runs(), instances(), shapes(), triggers(), events(), expressions(),
                        limits())
                .flatMap(List::stream);
    }

    private static List<Case> routing() {
        return List.of(
                c("api/router.go getInfo: _info answers 200 without envelope", f -> {
                    HttpResponse<String> info = f.get("/_info");
                    assertThat(info.statusCode()).isEqualTo(200);
                    assertThat(RawHttp.json(info).has("version")).isTrue();
                    assertThat(RawHttp.json(info).has("data")).isFalse();
                }),
                c("api/router.go: every answer is application/json, 204 included", f -> {
                    HttpResponse<String> deleted = f.send("DELETE", "/workflows/" + f.createWorkflow("{}"), null);
                    assertThat(deleted.statusCode()).isEqualTo(204);
                    assertThat(deleted.body()).isEmpty();
                    assertThat(deleted.headers().firstValue("Content-Type")).hasValue("application/json");
                }),
                c("chi mux.go methodNotAllowedHandler: 405, Allow lists the path's methods, empty body", f -> {
                    HttpResponse<String> patch = f.send("PATCH", "/workflows", "{}");
                    assertThat(patch.statusCode()).isEqualTo(405);
                    assertThat(patch.headers().allValues("Allow")).containsExactly("GET", "POST");
                    assertThat(patch.body()).isEmpty();
                }),
                c("chi mux.go methodNotAllowedHandler: _info has GET only", f -> {
                    HttpResponse<String> post = f.send("POST", "/_info", "{}");
                    assertThat(post.statusCode()).isEqualTo(405);
                    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
                }),
                c("chi NotFound (net/http http.NotFound): unknown top-level path", f -> expectText(f.get("/nowhere"),
                        404, "404 page not found\n")),
                c("chi NotFound inside a route group: unknown sub-path", f -> expectText(
                        f.get("/workflows/" + f.createWorkflow("{}") + "/unknown"), 404, "404 page not found\n")),
                c("chi Mount: a trailing slash routes like the bare path", f -> {
                    f.createWorkflow("{}");
                    assertThat(f.get("/workflows/").statusCode()).isEqualTo(200);
                    assertThat(RawHttp.json(f.get("/workflows/")).get("data")).hasSize(1);
                }),
                c("v1/router.go auth.Middleware on the group: 401 with an empty body", f -> {
                    HttpResponse<String> denied = f.securedGet("/workflows");
                    assertThat(denied.statusCode()).isEqualTo(401);
                    assertThat(denied.body()).isEmpty();
                    assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/json");
                }),
                c("v1/router.go auth before routing: a wrong method in a group is 401, not 405",
                        f -> assertThat(f.securedSend("PATCH", "/workflows").statusCode()).isEqualTo(401)),
                c("v1/router.go auth before routing: an unknown path in a group is 401, not 404",
                        f -> assertThat(f.securedGet("/instances/x/nope").statusCode()).isEqualTo(401)),
                c("v1/router.go: a path outside the groups is 404 without auth",
                        f -> expectText(f.securedGet("/nowhere"), 404, "404 page not found\n")),
                c("api/router.go: _info is outside the auth group",
                        f -> assertThat(f.securedGet("/_info").statusCode()).isEqualTo(200)),
                c("chi on net/url: parameters are decoded when the raw path is Go's default encoding", f ->
                        expectError(f.send("PUT", "/instances/a%20b/abort", null), 500, "INTERNAL",
                                "retrieving workflow execution: workflow not found for ID: a b-main")),
                c("chi on net/url RawPath: an escaped slash keeps the parameter escaped", f ->
                        expectError(f.send("PUT", "/instances/a%2Fb/abort", null), 500, "INTERNAL",
                                "retrieving workflow execution: workflow not found for ID: a%2Fb-main")),
                c("net/http server.go readRequest: an invalid escape in the path is 400 before any handler",
                        f -> assertThat(f.rawStatusLine("GET " + f.server.pathPrefix() + "/instances/%zz"))
                                .startsWith("HTTP/1.1 400")),
                c("api/router.go + go-libs health: _healthcheck answers the default check", f -> {
                    HttpResponse<String> health = f.get("/_healthcheck");
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertThat(health.body()).isEqualTo("{\"default\":\"OK\"}\n");
                    assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
                }),
                c("api/router.go: _healthcheck is outside the auth group",
                        f -> assertThat(f.securedGet("/_healthcheck").statusCode()).isEqualTo(200)),
                c("chi mux.go methodNotAllowedHandler: _healthcheck has GET only", f -> {
                    HttpResponse<String> post = f.send("POST", "/_healthcheck", "{}");
                    assertThat(post.statusCode()).isEqualTo(405);
                    assertThat(post.headers().allValues("Allow")).containsExactly("GET");
                }),
                c("chi tree: a trailing slash after a static leaf route is 404 (_info/)",
                        f -> expectText(f.get("/_info/"), 404, "404 page not found\n")),
                c("chi tree: a trailing slash after history is 404", f -> expectText(
                        f.get("/instances/x/history/"), 404, "404 page not found\n")),
                c("chi tree: a trailing slash after occurrences is 404", f -> expectText(
                        f.get("/triggers/x/occurrences/"), 404, "404 page not found\n")),
                c("chi Route \"/{workflowId}\" Get(\"/\"): a trailing slash after the id routes", f -> {
                    String id = f.createWorkflow("{}");
                    assertThat(RawHttp.json(f.get("/workflows/" + id + "/")).at("/data/id").asString()).isEqualTo(id);
                }),
                c("chi Route \"/instances\" Post(\"/\"): runWorkflow with a trailing slash", f -> assertThat(f.post(
                        "/workflows/" + f.createWorkflow("{}") + "/instances/", "{}").statusCode()).isEqualTo(201)),
                c("net/url ParseQuery: a pair holding ';' is dropped (pageSize=abc;x ignored)",
                        f -> assertThat(f.get("/triggers?pageSize=abc;x").statusCode()).isEqualTo(200)));
    }

    private static List<Case> numbersAndTimes() {
        return List.of(
                c("encoding/json floatEncoder: config.stages numbers in Go's notation", f -> {
                    HttpResponse<String> created = f.post("/workflows", "{\"stages\":[{\"noop\":{\"a\":1e-7,"
                            + "\"b\":123456789012345678901234567890,\"c\":0.000001,\"d\":1e21,\"e\":1.5,"
                            + "\"f\":100.0,\"g\":-2.5e-10,\"h\":123456789012345678000,\"i\":0.1}}]}");
                    assertThat(created.body()).contains("{\"a\":1e-7,\"b\":1.2345678901234568e+29,\"c\":0.000001,"
                            + "\"d\":1e+21,\"e\":1.5,\"f\":100,\"g\":-2.5e-10,\"h\":123456789012345680000,"
                            + "\"i\":0.1}");
                    String id = RawHttp.json(created).at("/data/id").asString();
                    assertThat(f.get("/workflows/" + id).body()).contains("\"a\":1e-7,\"b\":1.2345678901234568e+29");
                }),
                c("workflow.go New: createWorkflow answers the in-memory time, with nanoseconds", f -> {
                    HttpResponse<String> created = f.timedPost("/workflows", "{}");
                    assertThat(RawHttp.json(created).at("/data/createdAt").asString())
                            .isEqualTo("2026-05-04T10:20:30.123456789Z");
                    assertThat(RawHttp.json(created).at("/data/updatedAt").asString())
                            .isEqualTo("2026-05-04T10:20:30.123456789Z");
                }),
                c("workflow.go via Postgres: getWorkflow reads microseconds back", f -> {
                    String id = RawHttp.json(f.timedPost("/workflows", "{}")).at("/data/id").asString();
                    assertThat(RawHttp.json(f.timedGet("/workflows/" + id)).at("/data/createdAt").asString())
                            .isEqualTo("2026-05-04T10:20:30.123456Z");
                }),
                c("time.RFC3339Nano: trailing zeros of the fraction are trimmed", f -> {
                    f.clock.set(Instant.parse("2026-05-04T10:20:30.120Z"));
                    assertThat(RawHttp.json(f.timedPost("/workflows", "{}")).at("/data/createdAt").asString())
                            .isEqualTo("2026-05-04T10:20:30.12Z");
                }),
                c("time.RFC3339Nano: a whole second has no fraction", f -> {
                    f.clock.set(Instant.parse("2026-05-04T10:20:30Z"));
                    assertThat(RawHttp.json(f.timedPost("/workflows", "{}")).at("/data/createdAt").asString())
                            .isEqualTo("2026-05-04T10:20:30Z");
                }),
                c("instance.go NewInstance: runWorkflow answers nanoseconds, getInstance microseconds", f -> {
                    String workflow = RawHttp.json(f.timedPost("/workflows", "{\"stages\":[{\"wait_event\":"
                            + "{\"event\":\"go\"}}]}")).at("/data/id").asString();
                    JsonNode run = RawHttp.json(f.timedPost("/workflows/" + workflow + "/instances", "{}"));
                    assertThat(run.at("/data/createdAt").asString()).isEqualTo("2026-05-04T10:20:30.123456789Z");
                    String instance = run.at("/data/id").asString();
                    JsonNode read = RawHttp.json(f.timedGet("/instances/" + instance));
                    assertThat(read.at("/data/createdAt").asString()).isEqualTo("2026-05-04T10:20:30.123456Z");
                    assertThat(read.at("/data/status/0/startedAt").asString()).isEqualTo("2026-05-04T10:20:30.123456Z");
                }),
                c("manager.go GetHistory: Temporal event times keep nanoseconds", f -> {
                    String workflow = RawHttp.json(f.timedPost("/workflows", "{\"stages\":[{\"wait_event\":"
                            + "{\"event\":\"go\"}}]}")).at("/data/id").asString();
                    String instance = RawHttp.json(f.timedPost("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    assertThat(RawHttp.json(f.timedGet("/instances/" + instance + "/history")).at("/data/0/startedAt")
                            .asString()).isEqualTo("2026-05-04T10:20:30.123456789Z");
                }),
                c("trigger.go NewTrigger: createdAt rounded to the microsecond, in UTC", f -> {
                    f.clock.set(Instant.parse("2026-05-04T10:20:30.1234565Z"));
                    String workflow = RawHttp.json(f.timedPost("/workflows", "{}")).at("/data/id").asString();
                    JsonNode trigger = RawHttp.json(f.timedPost("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\"}"));
                    assertThat(trigger.at("/data/createdAt").asString()).isEqualTo("2026-05-04T10:20:30.123457Z");
                }),
                c("go-libs time.ParseTime: until is rounded to the microsecond and written in UTC", f -> {
                    String workflow = RawHttp.json(f.timedPost("/workflows", "{\"stages\":[{\"delay\":{\"until\":"
                            + "\"2026-05-04T12:00:00.0000005+02:00\"}}]}")).at("/data/id").asString();
                    String instance = RawHttp.json(f.timedPost("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.timed.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.timedGet("/instances/" + instance + "/history")).at("/data/0/input/until")
                            .asString()).isEqualTo("2026-05-04T10:00:00.000001Z");
                }),
                c("time.Parse RFC3339: seconds are required", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"delay\":{\"until\":\"2026-05-04T12:00Z\"}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Until': expected date as rfc3339 format")),
                c("time.Parse RFC3339: 'T' and 'Z' are upper-case", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"delay\":{\"until\":\"2026-05-04t12:00:00z\"}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Until': expected date as rfc3339 format")));
    }

    private static List<Case> workflows() {
        return List.of(
                c("handler_create_workflow.go: {} is a workflow without stages (\"stages\":null)", f -> {
                    HttpResponse<String> created = f.post("/workflows", "{}");
                    assertThat(created.statusCode()).isEqualTo(201);
                    assertThat(RawHttp.json(created).at("/data/config/stages").isNull()).isTrue();
                    assertThat(RawHttp.json(created).at("/data/config/name").asString()).isEmpty();
                }),
                c("handler_create_workflow.go: JSON null decodes into the zero Config",
                        f -> assertThat(f.post("/workflows", "null").statusCode()).isEqualTo(201)),
                c("encoding/json: field names match case-insensitively", f -> assertThat(RawHttp.json(
                        f.post("/workflows", "{\"NAME\":\"upper\"}")).at("/data/config/name").asString())
                        .isEqualTo("upper")),
                c("encoding/json Decoder: what follows the first value is ignored",
                        f -> assertThat(f.post("/workflows", "{} trailing").statusCode()).isEqualTo(201)),
                c("handler_create_workflow.go:37 empty body: 400 unmarshalling json body: EOF",
                        f -> expectError(f.post("/workflows", ""), 400, "VALIDATION",
                                "unmarshalling json body: EOF")),
                c("handler_create_workflow.go:37 truncated body: unexpected EOF",
                        f -> expectError(f.post("/workflows", "{\"name\":"), 400, "VALIDATION",
                                "unmarshalling json body: unexpected EOF")),
                c("handler_create_workflow.go:37 not JSON: invalid character",
                        f -> expectError(f.post("/workflows", "oops"), 400, "VALIDATION",
                                "unmarshalling json body: invalid character 'o' looking for beginning of value")),
                c("encoding/json scanner: the syntax error messages", f -> {
                    Map<String, String> messages = new java.util.LinkedHashMap<>();
                    messages.put("{\"a\" 1}", "invalid character '1' after object key");
                    messages.put("{\"a\":1 2}", "invalid character '2' after object key:value pair");
                    messages.put("{1:2}", "invalid character '1' looking for beginning of object key string");
                    messages.put("[1 2]", "invalid character '2' after array element");
                    messages.put("nope", "invalid character 'o' in literal null (expecting 'u')");
                    messages.put("{\"a\":-x}", "invalid character 'x' in numeric literal");
                    messages.put("{\"a\":1.x}", "invalid character 'x' after decimal point in numeric literal");
                    messages.put("{\"a\":\"\\q\"}", "invalid character 'q' in string escape code");
                    messages.put("{\"a\":\"\n\"}", "invalid character '\\n' in string literal");
                    messages.put("   ", "EOF");
                    messages.forEach((body, message) -> expectError(f.post("/workflows", body), 400, "VALIDATION",
                            "unmarshalling json body: " + message));
                }),
                c("handler_create_workflow.go:37 wrong field type", f -> expectError(f.post("/workflows",
                        "{\"name\":1}"), 400, "VALIDATION", "unmarshalling json body: json: cannot unmarshal number"
                        + " into Go struct field Config.name of type string")),
                c("config.go Validate: a stage without key", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{}]}"), 500, "INTERNAL", "creating workflow: empty specification")),
                c("config.go Validate: a stage with two keys", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"delay\":{},\"noop\":{}}]}"), 500, "INTERNAL",
                        "creating workflow: a specification should have only one name")),
                c("schema/map.go Resolve: unknown stage type", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"teleport\":{}}]}"), 500, "INTERNAL",
                        "creating workflow: unable to resolve schema teleport")),
                c("schema/map.go mapObjectField Duration: unparsable duration", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"delay\":{\"duration\":\"abc\"}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Duration': unable to resolve field 'Duration' to"
                                + " duration value")),
                c("schema/map.go mapObjectField String: wait_event.event of another type", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"wait_event\":{\"event\":5}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Event': expected string but was float64")),
                c("schema/map.go mapObjectField Struct: send without source", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"destination\":{\"account\":{\"id\":\"a\"}}}}]}"),
                        500, "INTERNAL", "creating workflow: resolving field 'Source': expected map but was <nil>")),
                c("schema/map.go mapObjectField Bool: nested field names chain", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\","
                                + "\"allowOverdraft\":\"maybe\"}},\"destination\":{\"account\":{\"id\":\"b\"}}}}]}"),
                        500, "INTERNAL", "creating workflow: resolving field 'Source': resolving field 'Account':"
                                + " resolving field 'AllowOverdraft': unable to resolve field 'bool' to bool value")),
                c("schema/map.go mapObjectField big.Int: unparsable amount", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},"
                                + "\"destination\":{\"account\":{\"id\":\"b\"}},\"amount\":{\"amount\":\"abc\","
                                + "\"asset\":\"USD\"}}}]}"), 500, "INTERNAL", "creating workflow: resolving field"
                                + " 'Amount': resolving field 'Amount': unable to parse 'abc' as big int")),
                c("schema/map.go mapObjectField Map: metadata values must be strings", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},"
                                + "\"destination\":{\"account\":{\"id\":\"b\"}},\"metadata\":{\"k\":1}}}]}"),
                        500, "INTERNAL", "creating workflow: resolving field 'Metadata': expected string but was"
                                + " float64")),
                c("schema/map.go mapObjectField time.Time: until not RFC 3339", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"delay\":{\"until\":\"tomorrow\"}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Until': expected date as rfc3339 format")),
                c("config.go RawStage map[string]any: numbers in config.stages go through float64", f -> {
                    HttpResponse<String> created = f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":"
                            + "{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":{\"id\":\"b\"}},"
                            + "\"amount\":{\"amount\":12345678901234567891,\"asset\":\"USD\"}}}]}");
                    assertThat(RawHttp.json(created).at("/data/config/stages/0/send/amount/amount").bigIntegerValue())
                            .isEqualTo(new java.math.BigInteger("12345678901234567000"));
                }),
                c("config.go Validate: required fields are not checked at creation",
                        f -> assertThat(f.post("/workflows", "{\"stages\":[{\"wait_event\":{}},{\"delay\":{}}]}")
                                .statusCode()).isEqualTo(201)),
                c("schema.ValidateRequirements (go-playground validator): a missing required field fails the run", f -> expectRunError(f,
                        "{\"stages\":[{\"wait_event\":{}}]}",
                        "Key: 'WaitEvent.Event' Error:Field validation for 'Event' failed on the 'required' tag")),
                c("schema oneOf struct validation: a delay with neither field fails with one line per field", f ->
                        expectRunError(f, "{\"stages\":[{\"delay\":{}}]}",
                                "Key: 'Delay.duration' Error:Field validation for 'duration' failed on the 'duration"
                                        + " or until' tag\nKey: 'Delay.until' Error:Field validation for 'until' failed"
                                        + " on the 'duration or until' tag")),
                c("schema.ValidateRequirements: nested required fields carry their namespace", f -> expectRunError(f,
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"}},\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}",
                        "Key: 'Send.Source.Account.ID' Error:Field validation for 'ID' failed on the 'required' tag")),
                c("config.go Validate: placeholders interpolate to \"\" with no variables at creation",
                        f -> assertThat(f.post("/workflows", "{\"stages\":[{\"delay\":{\"duration\":\"${d}\"}}]}")
                                .statusCode()).isEqualTo(201)),
                c("handler_read_workflow.go: unknown id is 500 sql: no rows", f -> expectError(
                        f.get("/workflows/6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a"), 500, "INTERNAL",
                        "sql: no rows in result set")),
                c("handler_delete_workflow.go: validator uuid rule", f -> expectError(
                        f.send("DELETE", "/workflows/not-a-uuid", null), 400, "VALIDATION",
                        "Key: '' Error:Field validation for '' failed on the 'uuid' tag")),
                c("handler_delete_workflow.go: unknown UUID is 404", f -> assertThat(RawHttp.json(
                        f.send("DELETE", "/workflows/6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a", null))
                        .get("errorCode").asString()).isEqualTo("NOT_FOUND")),
                c("manager.go DeleteWorkflow: deleting twice is 204 both times", f -> {
                    String id = f.createWorkflow("{}");
                    assertThat(f.send("DELETE", "/workflows/" + id, null).statusCode()).isEqualTo(204);
                    assertThat(f.send("DELETE", "/workflows/" + id, null).statusCode()).isEqualTo(204);
                }),
                c("manager.go ListWorkflows: deleted workflows are not listed", f -> {
                    f.send("DELETE", "/workflows/" + f.createWorkflow("{}"), null);
                    assertThat(RawHttp.json(f.get("/workflows")).get("data")).isEmpty();
                }));
    }

    private static List<Case> runs() {
        return List.of(
                c("handler_run_workflow.go: unknown workflow is 500 sql: no rows", f -> expectError(
                        f.post("/workflows/6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a/instances", "{}"), 500, "INTERNAL",
                        "sql: no rows in result set")),
                c("handler_run_workflow.go: variables must be strings", f -> expectError(
                        f.post("/workflows/" + f.createWorkflow("{}") + "/instances", "{\"a\":1}"), 400,
                        "VALIDATION", "json: cannot unmarshal number into Go value of type string")),
                c("handler_run_workflow.go: the 201 body has no status and no workflow", f -> {
                    JsonNode data = RawHttp.json(f.post("/workflows/" + f.createWorkflow(
                            "{\"stages\":[{\"wait_event\":{\"event\":\"go\"}}]}") + "/instances", "{}")).get("data");
                    assertThat(data.has("status")).isFalse();
                    assertThat(data.has("workflow")).isFalse();
                    assertThat(data.get("terminated").asBoolean()).isFalse();
                }),
                c("manager.go RunWorkflow: deleted workflows still run", f -> {
                    String id = f.createWorkflow("{}");
                    f.send("DELETE", "/workflows/" + id, null);
                    assertThat(f.post("/workflows/" + id + "/instances", "{}").statusCode()).isEqualTo(201);
                }),
                c("schema/map.go interpolate: a missing variable is \"\" and the field takes its default", f -> {
                    String id = f.createWorkflow("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"world\","
                            + "\"ledger\":\"${ledger}\"}},\"destination\":{\"account\":{\"id\":\"users:${user}\"}},"
                            + "\"amount\":{\"amount\":100,\"asset\":\"USD\"}}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + id + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode input = RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input");
                    assertThat(input.at("/source/account/ledger").asString()).isEqualTo("default");
                    assertThat(input.at("/destination/account/id").asString()).isEqualTo("users:");
                }),
                c("config.go runStage: a resolution error fails the stage, without history", f -> {
                    String id = f.createWorkflow("{\"stages\":[{\"delay\":{\"duration\":\"${d}\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + id + "/instances", "{\"d\":\"abc\"}"))
                            .at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("error").asString()).isEqualTo(
                            "resolving field 'Duration': unable to resolve field 'Duration' to duration value");
                    assertThat(data.at("/status/0/error").asString()).isEqualTo(data.get("error").asString());
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).get("data")).isEmpty();
                }),
                c("schema/map.go big.Int from float64: int64 truncation", f -> {
                    String id = f.createWorkflow("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"world\"}},"
                            + "\"destination\":{\"account\":{\"id\":\"a\"}},\"amount\":{\"amount\":100.7,"
                            + "\"asset\":\"USD\"}}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + id + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history"))
                            .at("/data/0/input/amount/amount").asLong()).isEqualTo(100);
                }));
    }

    private static List<Case> instances() {
        return List.of(
                c("handler_read_instance.go: unknown instance is 500 Instance not found", f -> expectError(
                        f.get("/instances/unknown"), 500, "INTERNAL", "Instance not found")),
                c("handler_read_instance_history.go: unknown instance is 500", f -> expectError(
                        f.get("/instances/unknown/history"), 500, "INTERNAL", "Instance not found")),
                c("handler_read_stage_history.go: ParseInt failure is 404 with an empty body", f -> {
                    HttpResponse<String> response = f.get("/instances/unknown/stages/first/history");
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.body()).isEmpty();
                }),
                c("handler_read_stage_history.go: ErrInstanceNotFound is 404 NOT_FOUND", f -> expectError(
                        f.get("/instances/unknown/stages/0/history"), 404, "NOT_FOUND", "Instance not found")),
                c("handler_post_event.go: unknown instance is 500", f -> expectError(
                        f.post("/instances/unknown/events", "{\"name\":\"go\"}"), 500, "INTERNAL",
                        "retrieving workflow: sql: no rows in result set")),
                c("handler_post_event.go: a body that is not an Event is 400", f -> expectError(
                        f.post("/instances/unknown/events", "{\"name\":1}"), 400, "VALIDATION",
                        "json: cannot unmarshal number into Go struct field Event.name of type string")),
                c("wait_event/run.go: another event name is 204 and ignored", f -> {
                    String instance = f.startWaiting("go");
                    assertThat(f.post("/instances/" + instance + "/events", "{\"name\":\"other\"}").statusCode())
                            .isEqualTo(204);
                    assertThat(f.server.instance(instance).orElseThrow().terminated()).isFalse();
                }),
                c("manager.go PostEvent: an ended instance is 500 already completed", f -> {
                    String instance = f.startWaiting("go");
                    f.post("/instances/" + instance + "/events", "{\"name\":\"go\"}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    expectError(f.post("/instances/" + instance + "/events", "{\"name\":\"go\"}"), 500, "INTERNAL",
                            "sending signal to server: workflow execution already completed");
                }),
                c("manager.go ListInstances: items embed workflow but no status", f -> {
                    f.startWaiting("go");
                    JsonNode item = RawHttp.json(f.get("/instances")).at("/data/0");
                    assertThat(item.has("workflow")).isTrue();
                    assertThat(item.has("status")).isFalse();
                }),
                c("manager.go GetInstance: status rows and workflow are embedded", f -> {
                    String instance = f.startWaiting("go");
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("status")).hasSize(1);
                    assertThat(data.at("/workflow/deletedAt").isNull()).isTrue();
                }));
    }

    private static List<Case> shapes() {
        String sendWaitDelay = "{\"name\":\"demo\",\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":"
                + "\"world\",\"ledger\":\"default\"}},\"destination\":{\"account\":{\"id\":\"users:001\","
                + "\"ledger\":\"default\"}},\"amount\":{\"amount\":100,\"asset\":\"EUR/2\"}}},"
                + "{\"wait_event\":{\"event\":\"processed\"}},{\"delay\":{\"duration\":\"1h\"}}]}";
        return List.of(
                c("workflow.go Workflow: id, config, createdAt, updatedAt and a null deletedAt", f -> {
                    JsonNode data = RawHttp.json(f.post("/workflows", "{\"name\":\"w\",\"stages\":[]}"))
                            .get("data");
                    assertThat(data.propertyNames()).contains("id", "config", "createdAt", "updatedAt");
                    assertThat(data.get("createdAt").asString()).endsWith("Z");
                    assertThat(f.get("/workflows/" + data.get("id").asString()).body())
                            .contains("\"deletedAt\":null");
                }),
                c("SERVER-BEHAVIOUR P2 (instance.go, stage.go): a blocked instance's status rows", f -> {
                    String instance = f.run(sendWaitDelay);
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("terminated").asBoolean()).isFalse();
                    assertThat(data.has("terminatedAt")).isFalse();
                    assertThat(data.get("updatedAt").asString()).isEqualTo(data.get("createdAt").asString());
                    assertThat(data.get("status")).hasSize(2);
                    assertThat(data.at("/status/0").has("terminatedAt")).isTrue();
                    assertThat(data.at("/status/1").has("terminatedAt")).isFalse();
                    assertThat(data.at("/status/0/temporalRunID").asString())
                            .isEqualTo(data.at("/status/1/temporalRunID").asString());
                }),
                c("SERVER-BEHAVIOUR P2: RunSend input with defaults and a null timestamp", f -> {
                    String instance = f.run(sendWaitDelay);
                    JsonNode entry = RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0");
                    assertThat(entry.get("name").asString()).isEqualTo("RunSend");
                    assertThat(entry.at("/input/timestamp").isNull()).isTrue();
                    assertThat(entry.at("/input/source/account/throughAccount").asString()).isEqualTo("world");
                    assertThat(entry.at("/input/source/account/allowOverdraft").asBoolean()).isFalse();
                    assertThat(entry.get("terminated").asBoolean()).isTrue();
                }),
                c("activity_ledger_create_transaction.go: CreateTransaction with Ledger/Data keys and txid", f -> {
                    String instance = f.run(sendWaitDelay);
                    JsonNode activity = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0");
                    assertThat(activity.get("name").asString()).isEqualTo("CreateTransaction");
                    assertThat(activity.at("/input/CreateTransaction/Ledger").asString()).isEqualTo("default");
                    assertThat(activity.at("/input/CreateTransaction/Data/postings/0/destination").asString())
                            .isEqualTo("users:001");
                    assertThat(activity.at("/input/CreateTransaction/Data").has("metadata")).isFalse();
                    assertThat(activity.at("/output/CreateTransaction/data/0").has("txid")).isTrue();
                    assertThat(activity.get("attempt").asInt()).isEqualTo(1);
                }),
                c("SERVER-BEHAVIOUR P2: a running wait_event has an empty stage history, later stages 404", f -> {
                    String instance = f.run(sendWaitDelay);
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/stages/1/history")).get("data"))
                            .isEmpty();
                    expectError(f.get("/instances/" + instance + "/stages/2/history"), 404, "NOT_FOUND",
                            "Instance not found");
                }),
                c("SERVER-BEHAVIOUR §3.14: durations are re-rendered (1h → 1h0m0s)", f -> {
                    String instance = f.run(sendWaitDelay);
                    f.post("/instances/" + instance + "/events", "{\"name\":\"processed\"}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/2/input/duration")
                            .asString()).isEqualTo("1h0m0s");
                }),
                c("SERVER-BEHAVIOUR P4: an ended instance has terminatedAt everywhere and no error", f -> {
                    String instance = f.run(sendWaitDelay);
                    f.post("/instances/" + instance + "/events", "{\"name\":\"processed\"}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("terminated").asBoolean()).isTrue();
                    assertThat(data.has("terminatedAt")).isTrue();
                    assertThat(data.has("error")).isFalse();
                    assertThat(data.get("status")).hasSize(3).allSatisfy(row -> assertThat(row.has("terminatedAt"))
                            .isTrue());
                }),
                c("SERVER-BEHAVIOUR P5: a send without amount fails after its history entry starts", f -> {
                    String instance = f.run("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},"
                            + "\"destination\":{\"account\":{\"id\":\"b\"}}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("error").asString()).isEqualTo("amount must be specified");
                    JsonNode history = RawHttp.json(f.get("/instances/" + instance + "/history")).get("data");
                    assertThat(history).hasSize(1);
                    assertThat(history.at("/0/error").asString()).isEqualTo("amount must be specified");
                    assertThat(history.at("/0/input").has("amount")).isFalse();
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/stages/0/history")).get("data"))
                            .isEmpty();
                }),
                c("activity_ledger_add_account_metadata.go: AddAccountMetadata input uses the key account", f -> {
                    String instance = f.run("{\"stages\":[{\"update\":{\"account\":{\"id\":\"users:1\","
                            + "\"metadata\":{\"k\":\"v\"}}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode input = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/input/AddAccountMetadata");
                    assertThat(input.get("account").asString()).isEqualTo("users:1");
                    assertThat(input.get("ledger").asString()).isEqualTo("main");
                }),
                c("handler_list_instances.go: running=true leaves ended instances out, workflowID filters", f -> {
                    String waiting = f.startWaiting("go");
                    String ended = f.run("{}");
                    f.server.awaitTermination(ended, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=true")).get("data"))
                            .extracting(item -> item.get("id").asString()).containsExactly(waiting);
                    String workflow = RawHttp.json(f.get("/instances/" + ended)).at("/data/workflowID").asString();
                    assertThat(RawHttp.json(f.get("/instances?workflowID=" + workflow)).get("data"))
                            .extracting(item -> item.get("id").asString()).containsExactly(ended);
                }),
                c("trigger.go Trigger: workflow null, filter and vars omitted when empty, version when set", f -> {
                    String workflow = f.createWorkflow("{}");
                    JsonNode plain = RawHttp.json(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\"}")).get("data");
                    assertThat(plain.get("workflow").isNull()).isTrue();
                    assertThat(plain.has("filter")).isFalse();
                    assertThat(plain.has("vars")).isFalse();
                    assertThat(plain.get("name").asString()).isEmpty();
                    JsonNode versioned = RawHttp.json(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\",\"version\":\"v2\"}")).get("data");
                    assertThat(versioned.get("version").asString()).isEqualTo("v2");
                }),
                c("publish.EventMessage: an occurrence carries date, app, version, type and payload", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.server.emitEvent("E", Map.of("a", 1));
                    JsonNode event = RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).at("/data/0/event");
                    assertThat(event.propertyNames()).contains("date", "app", "version", "type", "payload");
                    assertThat(event.get("version").asString()).isEqualTo("v1");
                    assertThat(event.at("/payload/a").asInt()).isEqualTo(1);
                }));
    }

    private static List<Case> triggers() {
        return List.of(
                c("handler_create_trigger.go:18-19 truncated body is 500 INTERNAL", f -> expectError(
                        f.post("/triggers", "{\"event\":"), 500, "INTERNAL", "unexpected EOF")),
                c("handler_create_trigger.go:18-19 empty body is 500 EOF", f -> expectError(
                        f.post("/triggers", ""), 500, "INTERNAL", "EOF")),
                c("handler_create_trigger.go:18-19 not an object is 500", f -> expectError(
                        f.post("/triggers", "[]"), 500, "INTERNAL",
                        "json: cannot unmarshal array into Go value of type triggers.TriggerData")),
                c("handler_create_trigger.go:18-19 a non-string var is 500", f -> expectError(
                        f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"w\",\"vars\":{\"a\":1}}"), 500,
                        "INTERNAL", "json: cannot unmarshal number into Go struct field TriggerData.vars of type"
                                + " string")),
                c("trigger.go Validate: missing event", f -> expectError(f.post("/triggers",
                        "{\"workflowID\":\"w\"}"), 400, "VALIDATION", "validating data: missing event")),
                c("trigger.go Validate: missing workflow id", f -> expectError(f.post("/triggers",
                        "{\"event\":\"E\"}"), 400, "VALIDATION", "validating data: missing workflow id")),
                c("manager.go CreateTrigger: unknown workflow is 404 workflow does not exists", f -> expectError(
                        f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"w\"}"), 404, "NOT_FOUND",
                        "workflow does not exists")),
                c("trigger.go newExprCompilationError: expr-lang's message with position and caret", f -> {
                    String workflow = f.createWorkflow("{}");
                    expectError(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"filter\":\"event.amount >\"}"), 400, "VALIDATION",
                            "validating data: error compiling expression 'event.amount >': unexpected token EOF"
                                    + " (1:14)\n | event.amount >\n | .............^");
                }),
                c("trigger.go Validate: expressions with replace() and + compile", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\","
                            + "\"filter\":\"event.amount + 1 > 10\",\"vars\":{\"ref\":\"replace(event.ref, '-', '')"
                            + " + '!'\"}}").statusCode()).isEqualTo(201);
                }),
                c("handler_get_trigger.go: unknown trigger is 404 sql: no rows", f -> expectError(
                        f.get("/triggers/unknown"), 404, "NOT_FOUND", "sql: no rows in result set")),
                c("handler_delete_trigger.go: unknown trigger is 404 sql: no rows", f -> expectError(
                        f.send("DELETE", "/triggers/unknown", null), 404, "NOT_FOUND", "sql: no rows in result set")),
                c("go-libs bunpaginate: listTriggers defaults to 15 and clamps pageSize to 100", f -> {
                    String workflow = f.createWorkflow("{}");
                    IntStream.range(0, 120).forEach(i -> f.server.seedTrigger(TriggerData.of("E" + i, workflow)));
                    assertThat(RawHttp.json(f.get("/triggers")).get("data")).hasSize(15);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=500")).get("data")).hasSize(100);
                }),
                c("go-libs bunpaginate GetPageSize: a non-number is 400",
                        f -> assertThat(f.get("/triggers?pageSize=abc").statusCode()).isEqualTo(400)),
                c("go-libs bunpaginate Extract: a cursor sets offset and page size", f -> {
                    String workflow = f.createWorkflow("{}");
                    IntStream.range(0, 5).forEach(i -> f.server.seedTrigger(TriggerData.of("E" + i, workflow)));
                    String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                            "{\"offset\":3,\"pageSize\":1}".getBytes(StandardCharsets.UTF_8));
                    assertThat(RawHttp.json(f.get("/triggers?cursor=" + cursor)).at("/data/0/event").asString())
                            .isEqualTo("E3");
                    assertThat(f.get("/triggers?cursor=%25%25").statusCode()).isEqualTo(400);
                }),
                c("triggers/manager.go ListTriggers: a name filter always fails in Postgres", f -> assertThat(
                        f.get("/triggers?name=x").statusCode()).isEqualTo(500)),
                c("handler_list_triggers_occurrences.go: unknown trigger is 200 []", f -> assertThat(RawHttp.json(
                        f.get("/triggers/unknown/occurrences")).get("data")).isEmpty()));
    }

    private static List<Case> routes() {
        return List.of(
                c("v1/router.go: runWorkflow's path has POST only", f -> {
                    HttpResponse<String> get = f.get("/workflows/" + f.createWorkflow("{}") + "/instances");
                    assertThat(get.statusCode()).isEqualTo(405);
                    assertThat(get.headers().allValues("Allow")).containsExactly("POST");
                }),
                c("v1/router.go: /instances has GET only", f -> assertThat(f.send("DELETE", "/instances", null)
                        .headers().allValues("Allow")).containsExactly("GET")),
                c("v1/router.go: /instances/{id} has GET only", f -> {
                    HttpResponse<String> post = f.send("POST", "/instances/x", "{}");
                    assertThat(post.statusCode()).isEqualTo(405);
                    assertThat(post.headers().allValues("Allow")).containsExactly("GET");
                }),
                c("v1/router.go: abort is PUT only", f -> {
                    HttpResponse<String> get = f.get("/instances/x/abort");
                    assertThat(get.statusCode()).isEqualTo(405);
                    assertThat(get.headers().allValues("Allow")).containsExactly("PUT");
                }),
                c("v1/router.go: events is POST only", f -> assertThat(f.get("/instances/x/events").headers()
                        .allValues("Allow")).containsExactly("POST")),
                c("v1/router.go: history is GET only", f -> assertThat(f.send("POST", "/instances/x/history", "{}")
                        .headers().allValues("Allow")).containsExactly("GET")),
                c("v1/router.go: a trigger has GET and DELETE", f -> {
                    HttpResponse<String> put = f.send("PUT", "/triggers/x", "{}");
                    assertThat(put.statusCode()).isEqualTo(405);
                    assertThat(put.headers().allValues("Allow")).containsExactlyInAnyOrder("GET", "DELETE");
                    assertThat(put.body()).isEmpty();
                }),
                c("v1/router.go: a workflow has GET and DELETE", f -> assertThat(f.send("PUT", "/workflows/x", "{}")
                        .headers().allValues("Allow")).containsExactlyInAnyOrder("GET", "DELETE")),
                c("v1/router.go: occurrences is GET only", f -> assertThat(f.send("POST",
                        "/triggers/x/occurrences", "{}").headers().allValues("Allow")).containsExactly("GET")),
                c("v1/router.go: /triggers has GET and POST", f -> assertThat(f.send("DELETE", "/triggers", null)
                        .headers().allValues("Allow")).containsExactlyInAnyOrder("GET", "POST")),
                c("v1/router.go: a stage without /history is 404", f -> expectText(f.get("/instances/x/stages/0"),
                        404, "404 page not found\n")),
                c("v1/router.go: /instances/{id}/stages alone is 404", f -> expectText(
                        f.get("/instances/x/stages"), 404, "404 page not found\n")),
                c("api/router.go: the root path is the V1 router's 404", f -> expectText(f.get("/"), 404,
                        "404 page not found\n")),
                c("chi: HEAD is not GET; 405 with the path's methods", f -> {
                    HttpResponse<String> head = RawHttp.send(HttpRequest.newBuilder(URI.create(f.server.url(
                            "/workflows"))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
                    assertThat(head.statusCode()).isEqualTo(405);
                    assertThat(head.headers().allValues("Allow")).containsExactlyInAnyOrder("GET", "POST");
                }),
                c("v1/router.go auth.Middleware: abort without a token is 401",
                        f -> assertThat(f.securedSend("PUT", "/instances/x/abort").statusCode()).isEqualTo(401)),
                c("v1/router.go auth.Middleware: an unknown bearer token is 401", f -> assertThat(RawHttp.get(
                        f.secured.url("/workflows"), "not-a-token").statusCode()).isEqualTo(401)),
                c("v1/router.go auth.Middleware: a valid token reaches the handler", f -> assertThat(RawHttp.get(
                        f.secured.url("/workflows"), f.secured.issueToken()).statusCode()).isEqualTo(200)),
                c("v1/router.go: occurrences of a trigger id with an escaped space are decoded", f -> assertThat(
                        RawHttp.json(f.get("/triggers/a%20b/occurrences")).get("data")).isEmpty()));
    }

    private static List<Case> pagination() {
        return List.of(
                c("go-libs bunpaginate GetPageSize: pageSize=0 is the default 15", f -> {
                    f.seedTriggers(20);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=0")).get("data")).hasSize(15);
                }),
                c("go-libs bunpaginate GetPageSize: an explicit page size", f -> {
                    f.seedTriggers(5);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=2")).get("data")).hasSize(2);
                }),
                c("go-libs bunpaginate GetPageSize: an empty pageSize is the default", f -> {
                    f.seedTriggers(20);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=")).get("data")).hasSize(15);
                }),
                c("go-libs bunpaginate ErrInvalidPageSize: the message", f -> expectError(
                        f.get("/triggers?pageSize=abc"), 400, "VALIDATION", "invalid 'pageSize' query param")),
                c("strconv.ParseUint: a negative pageSize is invalid", f -> expectError(
                        f.get("/triggers?pageSize=-1"), 400, "VALIDATION", "invalid 'pageSize' query param")),
                c("strconv.ParseUint: a sign is not accepted", f -> expectError(
                        f.get("/triggers?pageSize=%2B5"), 400, "VALIDATION", "invalid 'pageSize' query param")),
                c("strconv.ParseUint bitSize 32: 4294967296 is out of range", f -> expectError(
                        f.get("/triggers?pageSize=4294967296"), 400, "VALIDATION", "invalid 'pageSize' query param")),
                c("strconv.ParseUint bitSize 32: 4294967295 is clamped to 100", f -> {
                    f.seedTriggers(16);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=4294967295")).get("data")).hasSize(16);
                }),
                c("go-libs bunpaginate Extract: undecodable base64 is invalid 'cursor'", f -> expectError(
                        f.get("/triggers?cursor=%25%25"), 400, "VALIDATION", "invalid 'cursor' query param")),
                c("base64.RawURLEncoding: a padded cursor is invalid", f -> expectError(f.get("/triggers?cursor="
                        + f.cursor("{\"offset\":0}") + "%3D%3D"), 400, "VALIDATION", "invalid 'cursor' query param")),
                c("go-libs bunpaginate UnmarshalCursor: a cursor that is not an object is invalid", f -> expectError(
                        f.get("/triggers?cursor=" + f.cursor("[1]")), 400, "VALIDATION",
                        "invalid 'cursor' query param")),
                c("go-libs bunpaginate UnmarshalCursor: a negative offset does not fit uint64", f -> expectError(
                        f.get("/triggers?cursor=" + f.cursor("{\"offset\":-1}")), 400, "VALIDATION",
                        "invalid 'cursor' query param")),
                c("json.Unmarshal: a cursor with trailing data is invalid", f -> expectError(
                        f.get("/triggers?cursor=" + f.cursor("{} {}")), 400, "VALIDATION",
                        "invalid 'cursor' query param")),
                c("go-libs bunpaginate Extract: a cursor wins over pageSize", f -> {
                    f.seedTriggers(5);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=abc&cursor=" + f.cursor(
                            "{\"offset\":1,\"pageSize\":2}"))).get("data")).hasSize(2);
                }),
                c("go-libs bunpaginate Extract: an empty cursor is no cursor", f -> {
                    f.seedTriggers(3);
                    assertThat(RawHttp.json(f.get("/triggers?cursor=")).get("data")).hasSize(3);
                }),
                c("go-libs bunpaginate: a cursor page size above 100 is clamped", f -> {
                    f.seedTriggers(110);
                    assertThat(RawHttp.json(f.get("/triggers?cursor=" + f.cursor("{\"pageSize\":500}")))
                            .get("data")).hasSize(100);
                }),
                c("triggers/manager.go ListTriggers: deleted triggers are not listed", f -> {
                    String workflow = f.createWorkflow("{}");
                    String trigger = f.trigger("E", null, null);
                    f.send("DELETE", "/triggers/" + trigger, null);
                    f.server.seedTrigger(TriggerData.of("F", workflow));
                    assertThat(RawHttp.json(f.get("/triggers")).get("data")).extracting(t -> t.get("event").asString())
                            .containsExactly("F");
                }),
                c("handler_list_workflows.go: every live workflow, no page limit", f -> {
                    IntStream.range(0, 20).forEach(i -> f.createWorkflow("{}"));
                    assertThat(RawHttp.json(f.get("/workflows")).get("data")).hasSize(20);
                }));
    }

    private static List<Case> instanceOperations() {
        return List.of(
                c("handler_list_instances.go QueryParamBool: running=1 is true", f -> {
                    String waiting = f.startWaiting("go");
                    f.server.awaitTermination(f.run("{}"), Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=1")).get("data"))
                            .extracting(item -> item.get("id").asString()).containsExactly(waiting);
                }),
                c("handler_list_instances.go QueryParamBool: running=TRUE is true", f -> {
                    f.startWaiting("go");
                    f.server.awaitTermination(f.run("{}"), Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=TRUE")).get("data")).hasSize(1);
                }),
                c("handler_list_instances.go QueryParamBool: running=yes is false", f -> {
                    f.startWaiting("go");
                    f.server.awaitTermination(f.run("{}"), Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=yes")).get("data")).hasSize(2);
                }),
                c("manager.go ListInstances: an unknown workflowID lists nothing", f -> {
                    f.startWaiting("go");
                    assertThat(RawHttp.json(f.get("/instances?workflowID=unknown")).get("data")).isEmpty();
                }),
                c("manager.go ListInstances: instances of a deleted workflow are left out", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"go\"}}]}");
                    f.post("/workflows/" + workflow + "/instances", "{}");
                    f.send("DELETE", "/workflows/" + workflow, null);
                    assertThat(RawHttp.json(f.get("/instances")).get("data")).isEmpty();
                }),
                c("instance.go: a running instance has no error and no terminatedAt", f -> {
                    JsonNode data = RawHttp.json(f.get("/instances/" + f.startWaiting("go"))).get("data");
                    assertThat(data.has("error")).isFalse();
                    assertThat(data.has("terminatedAt")).isFalse();
                    assertThat(data.get("terminated").asBoolean()).isFalse();
                }),
                c("instance.go: an instance of a workflow without stages ends without status rows", f -> {
                    String instance = f.run("{}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("terminated").asBoolean()).isTrue();
                    assertThat(data.has("status")).isFalse();
                }),
                c("manager.go ReadInstanceHistory: no stage, empty history", f -> {
                    String instance = f.run("{}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).get("data")).isEmpty();
                }),
                c("handler_read_stage_history.go strconv.ParseInt: +0 is stage 0", f -> assertThat(RawHttp.json(
                        f.get("/instances/" + f.startWaiting("go") + "/stages/+0/history")).get("data")).isEmpty()),
                c("chi on RawPath: %2B0 keeps its escape and does not parse (404, empty body)", f -> {
                    HttpResponse<String> response = f.get("/instances/" + f.startWaiting("go") + "/stages/%2B0/history");
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.body()).isEmpty();
                }),
                c("handler_read_stage_history.go strconv.ParseInt: 00 is stage 0", f -> assertThat(f.get(
                        "/instances/" + f.startWaiting("go") + "/stages/00/history").statusCode()).isEqualTo(200)),
                c("handler_read_stage_history.go: a negative stage parses and is not found", f -> expectError(
                        f.get("/instances/" + f.startWaiting("go") + "/stages/-1/history"), 404, "NOT_FOUND",
                        "Instance not found")),
                c("handler_read_stage_history.go strconv.ParseInt: beyond int64 is 404 with an empty body", f -> {
                    HttpResponse<String> response = f.get("/instances/x/stages/99999999999999999999/history");
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.body()).isEmpty();
                }),
                c("handler_read_stage_history.go strconv.ParseInt: a space is 404 with an empty body", f -> {
                    HttpResponse<String> response = f.get("/instances/x/stages/%201/history");
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.body()).isEmpty();
                }),
                c("handler_read_stage_history.go: a stage past the last is NOT_FOUND", f -> expectError(
                        f.get("/instances/" + f.startWaiting("go") + "/stages/5/history"), 404, "NOT_FOUND",
                        "Instance not found")),
                c("manager.go PostEvent: an instance without stage rows has no row to signal", f -> {
                    String instance = f.run("{}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    expectError(f.post("/instances/" + instance + "/events", "{\"name\":\"go\"}"), 500, "INTERNAL",
                            "retrieving workflow: sql: no rows in result set");
                }),
                c("handler_post_event.go: an empty body is 400 EOF", f -> expectError(
                        f.post("/instances/x/events", ""), 400, "VALIDATION", "EOF")),
                c("handler_post_event.go: a body that is not an object", f -> expectError(
                        f.post("/instances/x/events", "[]"), 400, "VALIDATION",
                        "json: cannot unmarshal array into Go value of type workflow.Event")),
                c("handler_post_event.go: a truncated body is unexpected EOF", f -> expectError(
                        f.post("/instances/x/events", "{\"name\""), 400, "VALIDATION", "unexpected EOF")),
                c("handler_post_event.go encoding/json: NAME matches name", f -> {
                    String instance = f.startWaiting("go");
                    assertThat(f.post("/instances/" + instance + "/events", "{\"NAME\":\"go\"}").statusCode())
                            .isEqualTo(204);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(f.server.instance(instance).orElseThrow().terminated()).isTrue();
                }),
                c("handler_post_event.go: null decodes into an empty event, ignored", f -> {
                    String instance = f.startWaiting("go");
                    assertThat(f.post("/instances/" + instance + "/events", "null").statusCode()).isEqualTo(204);
                    assertThat(f.server.instance(instance).orElseThrow().terminated()).isFalse();
                }),
                c("handler_post_event.go: the 204 has an empty body", f -> {
                    HttpResponse<String> response = f.post("/instances/" + f.startWaiting("go") + "/events",
                            "{\"name\":\"go\"}");
                    assertThat(response.statusCode()).isEqualTo(204);
                    assertThat(response.body()).isEmpty();
                }),
                c("wait_event/run.go: the event ends the stage and the next one starts", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"go\"}},"
                            + "{\"wait_event\":{\"event\":\"again\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.post("/instances/" + instance + "/events", "{\"name\":\"go\"}");
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("status")).hasSize(2);
                    assertThat(data.at("/status/0").has("terminatedAt")).isTrue();
                    assertThat(data.at("/status/1").has("terminatedAt")).isFalse();
                }));
    }

    private static List<Case> runVariables() {
        return List.of(
                c("encoding/json map[string]string: a null variable is \"\"", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"x${a}y\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{\"a\":null}"))
                            .at("/data/id").asString();
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/event")
                            .asString()).isEqualTo("xy");
                }),
                c("handler_run_workflow.go: a null body runs without variables",
                        f -> assertThat(f.post("/workflows/" + f.createWorkflow("{}") + "/instances", "null")
                                .statusCode()).isEqualTo(201)),
                c("handler_run_workflow.go: an array body", f -> expectError(f.post("/workflows/"
                        + f.createWorkflow("{}") + "/instances", "[]"), 400, "VALIDATION",
                        "json: cannot unmarshal array into Go value of type map[string]string")),
                c("handler_run_workflow.go: an object variable", f -> expectError(f.post("/workflows/"
                        + f.createWorkflow("{}") + "/instances", "{\"a\":{}}"), 400, "VALIDATION",
                        "json: cannot unmarshal object into Go value of type string")),
                c("handler_run_workflow.go: a truncated body", f -> expectError(f.post("/workflows/"
                        + f.createWorkflow("{}") + "/instances", "{\"a\":"), 400, "VALIDATION", "unexpected EOF")),
                c("handler_run_workflow.go: r.ContentLength 0 reads no body",
                        f -> assertThat(f.post("/workflows/" + f.createWorkflow("{}") + "/instances", "")
                                .statusCode()).isEqualTo(201)),
                c("schema/map.go interpolate: several variables in one field", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"${a}-${b}\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances",
                            "{\"a\":\"1\",\"b\":\"2\"}")).at("/data/id").asString();
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/event")
                            .asString()).isEqualTo("1-2");
                }),
                c("schema/map.go interpolate: ${} is not a placeholder", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"a${}b\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/event")
                            .asString()).isEqualTo("a${}b");
                }),
                c("schema/map.go big.Int: an interpolated string amount", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":"
                            + "\"world\"}},\"destination\":{\"account\":{\"id\":\"a\"}},\"amount\":{\"amount\":"
                            + "\"${amt}\",\"asset\":\"USD\"}}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances",
                            "{\"amt\":\"123456789012345678901234567890\"}")).at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/amount/amount")
                            .bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
                }),
                c("schema/map.go Bool: a string bool is case-insensitive", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":"
                            + "\"a\",\"allowOverdraft\":\"TRUE\"}},\"destination\":{\"account\":{\"id\":\"b\"}},"
                            + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history"))
                            .at("/data/0/input/source/account/allowOverdraft").asBoolean()).isTrue();
                }),
                c("config.go Validate resolves without variables: a bool placeholder fails at creation", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\","
                                + "\"allowOverdraft\":\"${o}\"}},\"destination\":{\"account\":{\"id\":\"b\"}},"
                                + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Source': resolving field 'Account': resolving field 'AllowOverdraft':"
                                + " unable to resolve field 'bool' to bool value")),
                c("schema/map.go Duration: 1.5h is re-rendered 1h30m0s", f -> {
                    String instance = f.run("{\"stages\":[{\"delay\":{\"duration\":\"1.5h\"}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/duration")
                            .asString()).isEqualTo("1h30m0s");
                }),
                c("schema/map.go Duration: an interpolated duration", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"delay\":{\"duration\":\"${d}\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances",
                            "{\"d\":\"90s\"}")).at("/data/id").asString();
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/duration")
                            .asString()).isEqualTo("1m30s");
                }));
    }

    private static List<Case> resolution() {
        return List.of(
                c("schema/map.go Duration: a number is not a duration", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"delay\":{\"duration\":5}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Duration': expected uint or interpolated string but was"
                                + " float64")),
                c("schema/map.go Bool: a number is not a bool", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\",\"allowOverdraft\":1}},"
                                + "\"destination\":{\"account\":{\"id\":\"b\"}}}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Source': resolving field 'Account': resolving field"
                                + " 'AllowOverdraft': expected uint or interpolated string but was float64")),
                c("schema/map.go Map: metadata that is not an object", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"}},\"metadata\":\"x\"}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Metadata': expecting map, got type: string")),
                c("schema/map.go Struct: a source that is not an object", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":\"x\",\"destination\":{\"account\":{\"id\":\"b\"}}}}]}"),
                        500, "INTERNAL", "creating workflow: resolving field 'Source': expected map but was string")),
                c("schema/map.go big.Int: a bool amount", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"}},\"amount\":{\"amount\":true,\"asset\":\"USD\"}}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Amount': resolving field 'Amount': expected big int or"
                                + " interpolated string but was bool")),
                c("schema/map.go big.Int SetString base 10: a leading space", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"}},\"amount\":{\"amount\":\" 5\",\"asset\":\"USD\"}}}]}"), 500,
                        "INTERNAL", "creating workflow: resolving field 'Amount': resolving field 'Amount': unable to"
                                + " parse ' 5' as big int")),
                c("schema/map.go big.Int SetString base 10: hexadecimal is refused", f -> expectError(
                        f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},"
                                + "\"destination\":{\"account\":{\"id\":\"b\"}},\"amount\":{\"amount\":\"0x10\","
                                + "\"asset\":\"USD\"}}}]}"), 500, "INTERNAL", "creating workflow: resolving field"
                                + " 'Amount': resolving field 'Amount': unable to parse '0x10' as big int")),
                c("schema/map.go time.Time: a number is not a date", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"delay\":{\"until\":5}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Until': expected string but was float64")),
                c("schema/map.go String: a bool event", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"wait_event\":{\"event\":true}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Event': expected string but was bool")),
                c("schema/map.go String: an object event", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"wait_event\":{\"event\":{}}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Event': expected string but was map[string]interface {}")),
                c("schema/map.go String: an array event", f -> expectError(f.post("/workflows",
                        "{\"stages\":[{\"wait_event\":{\"event\":[]}}]}"), 500, "INTERNAL",
                        "creating workflow: resolving field 'Event': expected string but was []interface {}")),
                c("config.go: stages must be an array", f -> expectError(f.post("/workflows",
                        "{\"stages\":{}}"), 400, "VALIDATION", "unmarshalling json body: json: cannot unmarshal object"
                                + " into Go struct field Config.stages of type []workflow.RawStage")),
                c("config.go: a stage must be an object", f -> expectError(f.post("/workflows",
                        "{\"stages\":[1]}"), 400, "VALIDATION", "unmarshalling json body: json: cannot unmarshal number"
                                + " into Go struct field Config.stages of type workflow.RawStage")),
                c("config.go: a null stage is an empty specification", f -> expectError(f.post("/workflows",
                        "{\"stages\":[null]}"), 500, "INTERNAL", "creating workflow: empty specification")),
                c("config.go: an empty stages array is kept as []", f -> assertThat(RawHttp.json(
                        f.post("/workflows", "{\"stages\":[]}")).at("/data/config/stages")).isEmpty()),
                c("config.go: stages null is null", f -> assertThat(RawHttp.json(f.post("/workflows",
                        "{\"stages\":null}")).at("/data/config/stages").isNull()).isTrue()),
                c("config.go: the name is echoed", f -> assertThat(RawHttp.json(f.post("/workflows",
                        "{\"name\":\"payouts\"}")).at("/data/config/name").asString()).isEqualTo("payouts")),
                c("config.go: unknown top-level fields are dropped", f -> assertThat(RawHttp.json(f.post(
                        "/workflows", "{\"other\":1}")).at("/data/config").has("other")).isFalse()),
                c("config.go RawStage: stage content is echoed as given", f -> assertThat(RawHttp.json(f.post(
                        "/workflows", "{\"stages\":[{\"wait_event\":{\"event\":\"e\",\"extra\":\"kept\"}}]}"))
                        .at("/data/config/stages/0/wait_event/extra").asString()).isEqualTo("kept")),
                c("schema/map.go String default: a null ledger takes its default", f -> {
                    String instance = f.run("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"world\","
                            + "\"ledger\":null}},\"destination\":{\"account\":{\"id\":\"a\"}},\"amount\":{\"amount\":1,"
                            + "\"asset\":\"USD\"}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history"))
                            .at("/data/0/input/source/account/ledger").asString()).isEqualTo("default");
                }),
                c("handler_read_workflow.go: a deleted workflow is still read, with deletedAt", f -> {
                    String id = f.createWorkflow("{}");
                    f.send("DELETE", "/workflows/" + id, null);
                    JsonNode data = RawHttp.json(f.get("/workflows/" + id)).get("data");
                    assertThat(data.get("deletedAt").isString()).isTrue();
                }),
                c("handler_read_workflow.go: a non-UUID id is 500 sql: no rows", f -> expectError(
                        f.get("/workflows/not-a-uuid"), 500, "INTERNAL", "sql: no rows in result set")),
                c("handler_delete_workflow.go: ErrWorkflowNotFound's message", f -> expectError(
                        f.send("DELETE", "/workflows/6f1c1b43-0d6b-4a1b-9d3c-1f2e3d4c5b6a", null), 404, "NOT_FOUND",
                        "Workflow not found")),
                c("handler_delete_workflow.go validator uuid: upper-case hex is refused", f -> expectError(
                        f.send("DELETE", "/workflows/6F1C1B43-0D6B-4A1B-9D3C-1F2E3D4C5B6A", null), 400, "VALIDATION",
                        "Key: '' Error:Field validation for '' failed on the 'uuid' tag")),
                c("handler_delete_workflow.go: the 204 has an empty body", f -> assertThat(f.send("DELETE",
                        "/workflows/" + f.createWorkflow("{}"), null).body()).isEmpty()));
    }

    private static List<Case> triggerOperations() {
        return List.of(
                c("trigger.go Trigger: an empty filter is kept (omitempty on a pointer)", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"filter\":\"\"}").body()).contains("\"filter\":\"\"");
                }),
                c("trigger.go Trigger: empty vars are omitted", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(RawHttp.json(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"vars\":{}}")).get("data").has("vars")).isFalse();
                }),
                c("trigger.go Trigger: the name is echoed", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(RawHttp.json(f.post("/triggers", "{\"name\":\"n\",\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\"}")).at("/data/name").asString()).isEqualTo("n");
                }),
                c("trigger.go Validate: missing event comes before an invalid filter", f -> expectError(
                        f.post("/triggers", "{\"workflowID\":\"w\",\"filter\":\"(\"}"), 400, "VALIDATION",
                        "validating data: missing event")),
                c("trigger.go Validate: missing workflow id comes before an invalid filter", f -> expectError(
                        f.post("/triggers", "{\"event\":\"E\",\"filter\":\"(\"}"), 400, "VALIDATION",
                        "validating data: missing workflow id")),
                c("manager.go CreateTrigger: validation comes before the workflow lookup", f -> assertThat(
                        f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"w\",\"filter\":\"(\"}").statusCode())
                        .isEqualTo(400)),
                c("trigger.go Validate: a var that does not compile", f -> {
                    String workflow = f.createWorkflow("{}");
                    HttpResponse<String> response = f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\",\"vars\":{\"a\":\"event.\"}}");
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(RawHttp.json(response).get("errorMessage").asString())
                            .startsWith("validating data: error compiling expression 'event.': ");
                }),
                c("manager.go CreateTrigger: a deleted workflow does not exist", f -> {
                    String workflow = f.createWorkflow("{}");
                    f.send("DELETE", "/workflows/" + workflow, null);
                    expectError(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\"}"), 404,
                            "NOT_FOUND", "workflow does not exists");
                }),
                c("handler_create_trigger.go: unknown fields are ignored", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"other\":1}").statusCode()).isEqualTo(201);
                }),
                c("handler_create_trigger.go: a non-string event is 500", f -> expectError(f.post("/triggers",
                        "{\"event\":1}"), 500, "INTERNAL",
                        "json: cannot unmarshal number into Go struct field TriggerData.event of type string")),
                c("handler_get_trigger.go: a trigger reads back as created", f -> {
                    String trigger = f.trigger("E", "event.a == 1", "{\"v\":\"event.a\"}");
                    JsonNode data = RawHttp.json(f.get("/triggers/" + trigger)).get("data");
                    assertThat(data.get("filter").asString()).isEqualTo("event.a == 1");
                    assertThat(data.at("/vars/v").asString()).isEqualTo("event.a");
                    assertThat(data.get("workflow").isNull()).isTrue();
                }),
                c("handler_delete_trigger.go: 204 with an empty body", f -> {
                    HttpResponse<String> deleted = f.send("DELETE", "/triggers/" + f.trigger("E", null, null), null);
                    assertThat(deleted.statusCode()).isEqualTo(204);
                    assertThat(deleted.body()).isEmpty();
                }),
                c("triggers/manager.go DeleteTrigger: deleting twice is 404 the second time", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.send("DELETE", "/triggers/" + trigger, null);
                    expectError(f.send("DELETE", "/triggers/" + trigger, null), 404, "NOT_FOUND",
                            "sql: no rows in result set");
                }),
                c("triggers/manager.go GetTrigger: a deleted trigger is 404", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.send("DELETE", "/triggers/" + trigger, null);
                    expectError(f.get("/triggers/" + trigger), 404, "NOT_FOUND", "sql: no rows in result set");
                }),
                c("triggers/manager.go ListTriggersOccurrences: a deleted trigger's occurrences stay", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.server.emitEvent("E", Map.of());
                    f.send("DELETE", "/triggers/" + trigger, null);
                    assertThat(RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).get("data")).hasSize(1);
                }),
                c("triggers/manager.go ListTriggersOccurrences: one occurrence per firing", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.server.emitEvent("E", Map.of());
                    f.server.emitEvent("E", Map.of());
                    assertThat(RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).get("data")).hasSize(2);
                }),
                c("listener.go: a deleted trigger does not fire", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.send("DELETE", "/triggers/" + trigger, null);
                    assertThat(f.server.emitEvent("E", Map.of())).isEmpty();
                }),
                c("listener.go: another event type does not fire", f -> {
                    f.trigger("E", null, null);
                    assertThat(f.server.emitEvent("F", Map.of())).isEmpty();
                }),
                c("listener.go: a trigger without version fires for every version", f -> {
                    f.trigger("E", null, null);
                    assertThat(f.server.emitEvent("E", "v9", Map.of())).hasSize(1);
                }),
                c("expression.go evalFilter: a non-boolean filter is no match", f -> {
                    f.trigger("E", "event.a", null);
                    assertThat(f.server.emitEvent("E", Map.of("a", 1))).isEmpty();
                }),
                c("expression.go evalFilter: a true filter fires", f -> {
                    f.trigger("E", "event.a == 1", null);
                    assertThat(f.server.emitEvent("E", Map.of("a", 1))).hasSize(1);
                }),
                c("workflow_trigger.go ExecuteTrigger: the variables reach the run", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"${v}\"}}]}");
                    f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\",\"vars\":{\"v\":"
                            + "\"upper(event.a)\"}}");
                    String instance = f.server.emitEvent("E", Map.of("a", "go")).get(0).workflowInstanceID();
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/event")
                            .asString()).isEqualTo("GO");
                }),
                c("workflow_trigger.go: a fired run is listed with its workflow", f -> {
                    String trigger = f.trigger("E", null, null);
                    String instance = f.server.emitEvent("E", Map.of()).get(0).workflowInstanceID();
                    String workflow = RawHttp.json(f.get("/triggers/" + trigger)).at("/data/workflowID").asString();
                    assertThat(RawHttp.json(f.get("/instances/" + instance)).at("/data/workflowID").asString())
                            .isEqualTo(workflow);
                }));
    }

    private static List<Case> encoding() {
        return List.of(
                c("go-libs api writeJSON json.NewEncoder: HTML characters are escaped", f -> assertThat(f.post(
                        "/workflows", "{\"name\":\"<a&b>\"}").body()).contains("\"name\":\"\\u003ca\\u0026b\\u003e\"")),
                c("encoding/json: U+2028 and U+2029 are escaped", f -> assertThat(f.post("/workflows",
                        "{\"name\":\"a\\u2028b\\u2029\"}").body()).contains("\"name\":\"a\\u2028b\\u2029\"")),
                c("encoding/json: other control characters use lower-case \\u00xx", f -> assertThat(f.post(
                        "/workflows", "{\"name\":\"a\\u001fb\\u0001\"}").body()).contains("\"name\":\"a\\u001fb\\u0001\"")),
                c("encoding/json: newline and tab use short escapes", f -> assertThat(f.post("/workflows",
                        "{\"name\":\"a\\nb\\tc\"}").body()).contains("\"name\":\"a\\nb\\tc\"")),
                c("encoding/json: non-ASCII text is written as UTF-8", f -> assertThat(f.post("/workflows",
                        "{\"name\":\"\\u00e9t\\u00e9\"}").body()).contains("\"name\":\"\u00e9t\u00e9\"")),
                c("encoding/json map[string]any: config.stages keys are sorted", f -> assertThat(f.post("/workflows",
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"}},\"amount\":{\"asset\":\"USD\",\"amount\":1}}}]}").body())
                        .contains("{\"send\":{\"amount\":{\"amount\":1,\"asset\":\"USD\"},\"destination\":"
                                + "{\"account\":{\"id\":\"b\"}},\"source\":{\"account\":{\"id\":\"a\"}}}}")),
                c("encoding/json map[string]string: trigger vars are sorted", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\",\"vars\":"
                            + "{\"b\":\"event.b\",\"a\":\"event.a\"}}").body())
                            .contains("\"vars\":{\"a\":\"event.a\",\"b\":\"event.b\"}");
                }),
                c("publish.EventMessage payload any: occurrence payload keys are sorted", f -> {
                    String trigger = f.trigger("E", null, null);
                    Map<String, Object> payload = new java.util.LinkedHashMap<>();
                    payload.put("z", 1);
                    payload.put("a", Map.of("y", 2));
                    f.server.emitEvent("E", payload);
                    assertThat(f.get("/triggers/" + trigger + "/occurrences").body())
                            .contains("\"payload\":{\"a\":{\"y\":2},\"z\":1}");
                }),
                c("go-libs auth claimsFromRequest: lower-case bearer is accepted", f -> assertThat(RawHttp.send(
                        HttpRequest.newBuilder(URI.create(f.secured.url("/workflows")))
                                .header("Authorization", "bearer " + f.secured.issueToken()).GET()).statusCode())
                        .isEqualTo(200)),
                c("go-libs auth claimsFromRequest: BEARER is a malformed header", f -> assertThat(RawHttp.send(
                        HttpRequest.newBuilder(URI.create(f.secured.url("/workflows")))
                                .header("Authorization", "BEARER " + f.secured.issueToken()).GET()).statusCode())
                        .isEqualTo(401)),
                c("go-libs auth claimsFromRequest: the token follows Bearer with spaces trimmed", f -> assertThat(
                        RawHttp.send(HttpRequest.newBuilder(URI.create(f.secured.url("/workflows")))
                                .header("Authorization", "Bearer" + f.secured.issueToken()).GET()).statusCode())
                        .isEqualTo(200)),
                c("go-libs auth claimsFromRequest: another scheme is 401", f -> assertThat(RawHttp.send(
                        HttpRequest.newBuilder(URI.create(f.secured.url("/workflows")))
                                .header("Authorization", "Basic Y29uZm9ybWFuY2U6c2VjcmV0").GET()).statusCode())
                        .isEqualTo(401)));
    }

    private static final String EVENT_JSON = "{\"amount\": 1500, \"rate\": 0.25, \"status\": \"SUCCEEDED\", \"flag\": true,"
            + " \"none\": null, \"metadata\": {\"user\": \"42\", \"odd-key\": \"x\"}, \"items\": [{\"id\": \"a\"},"
            + " {\"id\": \"b\"}]}";

    /** expr-lang v1.17.7 filter results on {@link #EVENT_JSON} (listener.go: a trigger fires when its filter is true). */
    private static List<Case> filterSemantics() {
        String[][] table = {
                {"event.amount > 1000", "true"},
                {"event.amount >= 1500 && event.status == 'SUCCEEDED'", "true"},
                {"event.amount < 1000 || event.flag", "true"},
                {"not (event.amount == 1500)", "false"},
                {"!event.flag", "false"},
                {"event.rate == 0.25 and event.metadata.user == \"42\"", "true"},
                {"event.status != 'FAILED'", "true"},
                {"event.none == nil", "true"},
                {"event.missing == nil", "true"},
                {"event.metadata['odd-key'] == 'x'", "true"},
                {"event.items[1].id == 'b'", "true"},
                {"event.items[-1].id == 'b'", "true"},
                {"event.status > 'A'", "true"},
                {"event.status > 1", "false"},
                {"event.amount == 1500.0", "true"},
                {"event.amount == 1500", "true"},
                {"event.status in ['SUCCEEDED', 'FAILED']", "true"},
                {"event.status not in ['SUCCEEDED']", "false"},
                {"'user' in event.metadata", "true"},
                {"event.status contains 'CEED'", "true"},
                {"event.status startsWith 'SUC'", "true"},
                {"event.status endsWith 'ED'", "true"},
                {"event.status matches '^S.*D$'", "true"},
                {"event.status not contains 'X'", "true"},
                {"event.status not startsWith 'X'", "true"},
                {"len(event.items) == 2", "true"},
                {"int(event.amount) % 7 == 2", "true"},
                {"-event.amount < 0", "true"},
                {"2 ** 3 == 8", "true"},
                {"event.amount > 1000 ? true : false", "true"},
                {"(event.none ?? 5) == 5", "true"},
                {"lower(event.status) == 'succeeded'", "true"},
                {"true", "true"},
                {"false", "false"},
                {"event.amount > 1000 and event.rate < 0.1", "false"},
                {"event.missing", "false"},
                {"event.status == nil", "false"},
                {"event.amount != 1500", "false"},
                {"'b' in ['a', 'b']", "true"},
                {"upper(event.status) == event.status", "true"},
        };
        List<Case> cases = new java.util.ArrayList<>();
        for (String[] row : table) {
            cases.add(c("expr-lang filter `" + row[0] + "` is " + row[1], f -> {
                f.trigger("E", row[0].replace("\"", "\\\""), null);
                assertThat(f.server.emitEvent("E", f.event())).hasSize(Boolean.parseBoolean(row[1]) ? 1 : 0);
            }));
        }
        return cases;
    }

    /** expr-lang v1.17.7 values rendered by expression.go evalVariable (json.Marshal for floats, fmt.Sprint else). */
    private static List<Case> variableSemantics() {
        String[][] table = {
                {"event.amount", "1500"},
                {"event.rate", "0.25"},
                {"event.metadata.user", "42"},
                {"event.flag", "true"},
                {"event.none", "<nil>"},
                {"event.items[0]", "map[id:a]"},
                {"event.amount + 1", "1501"},
                {"event.amount / 4", "375"},
                {"1 + 2", "3"},
                {"7 / 2", "3.5"},
                {"7 % 3", "1"},
                {"event.rate * 3", "0.75"},
                {"event.status + '-' + event.metadata.user", "SUCCEEDED-42"},
                {"replace(event.status, 'SUCC', 'X')", "XEEDED"},
                {"lower(event.status)", "succeeded"},
                {"upper('a')", "A"},
                {"trim('  a  ')", "a"},
                {"trimPrefix('ab', 'a')", "b"},
                {"trimSuffix('ab', 'b')", "a"},
                {"join(split('a,b,c', ','), '|')", "a|b|c"},
                {"len(event.items)", "2"},
                {"len('abc')", "3"},
                {"string(event.amount)", "1500"},
                {"int(event.rate * 10)", "2"},
                {"float('1.5')", "1.5"},
                {"abs(-3)", "3"},
                {"event.amount > 1000 ? 'big' : 'small'", "big"},
                {"event.none ?? 'fallback'", "fallback"},
                {"event.metadata", "map[odd-key:x user:42]"},
                {"split('a,b', ',')", "[a b]"},
                {"event.amount * 1000000000000000000", "1.5e+21"},
                {"event.missing?.deeper", "<nil>"},
                {"payload", "<nil>"},
                {"'literal'", "literal"},
                {"[1, 2]", "[1 2]"},
                {"{a: 1}", "map[a:1]"},
                {"true && false", "false"},
                {"2 ** 10", "1024"},
                {"event.amount / 1000", "1.5"},
                {"abs(-2.5)", "2.5"},
                {"int('42')", "42"},
                {"float(1)", "1"},
                {"string(1.5)", "1.5"},
                {"len(event.metadata)", "2"},
                {"trim('xax', 'x')", "a"},
                {"split('a,b,c', ',', 2)", "[a b,c]"},
                {"join(['a', 'b'])", "ab"},
                {"'a' + 'b'", "ab"},
                {"10 - 3 * 2", "4"},
                {"(10 - 3) * 2", "14"},
                {"-7 % 3", "-1"},
                {"2 ^ 3", "8"},
                {"1 / 3", "0.3333333333333333"},
                {"0.1 + 0.2", "0.30000000000000004"},
                {"event.flag ? 'y' : 'n'", "y"},
                {"nil ?? 'x'", "x"},
                {"event.metadata?.user", "42"},
                {"len([])", "0"},
                {"event.items[0].id + event.items[1].id", "ab"},
        };
        List<Case> cases = new java.util.ArrayList<>();
        for (String[] row : table) {
            cases.add(c("expr-lang variable `" + row[0] + "` renders " + row[1], f -> {
                String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"${v}\"}}]}");
                HttpResponse<String> created = f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                        + "\",\"vars\":{\"v\":\"" + row[0].replace("\"", "\\\"") + "\"}}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String instance = f.server.emitEvent("E", f.event()).get(0).workflowInstanceID();
                assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/event")
                        .asString()).isEqualTo(row[1]);
            }));
        }
        return cases;
    }

    private static List<Case> utf8AndStages() {
        return List.of(
                c("encoding/json decodeState: an invalid UTF-8 byte in a string is U+FFFD", f -> assertThat(
                        f.postBytes("/workflows", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a',
                                (byte) 0xFF, 'b', '"', '}'}).body()).contains("\"name\":\"a\uFFFDb\"")),
                c("unicode/utf8 DecodeRune: a truncated sequence is one U+FFFD per byte", f -> assertThat(
                        f.postBytes("/workflows", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                                (byte) 0xE2, (byte) 0x80, 'a', '"', '}'}).body()).contains("\"name\":\"\uFFFD\uFFFDa\"")),
                c("unicode/utf8 DecodeRune: an overlong encoding is refused byte by byte", f -> assertThat(
                        f.postBytes("/workflows", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                                (byte) 0xC0, (byte) 0xAF, '"', '}'}).body()).contains("\"name\":\"\uFFFD\uFFFD\"")),
                c("unicode/utf8 DecodeRune: an encoded surrogate is refused byte by byte", f -> assertThat(
                        f.postBytes("/workflows", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                                (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}).body())
                        .contains("\"name\":\"\uFFFD\uFFFD\uFFFD\"")),
                c("schema oneOf (delay.go): both duration and until fail the run", f -> expectRunError(f,
                        "{\"stages\":[{\"delay\":{\"duration\":\"1s\",\"until\":\"2030-01-01T00:00:00Z\"}}]}",
                        "Key: 'Delay.duration' Error:Field validation for 'duration' failed on the 'duration or until'"
                                + " tag\nKey: 'Delay.until' Error:Field validation for 'until' failed on the 'duration"
                                + " or until' tag")),
                c("schema oneOf (send.go Source): a source of no kind", f -> expectRunError(f,
                        "{\"stages\":[{\"send\":{\"source\":{},\"destination\":{\"account\":{\"id\":\"b\"}},"
                                + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}",
                        "Key: 'Send.Source.wallet' Error:Field validation for 'wallet' failed on the 'wallet or"
                                + " account or payment' tag\nKey: 'Send.Source.account' Error:Field validation for"
                                + " 'account' failed on the 'wallet or account or payment' tag\nKey:"
                                + " 'Send.Source.payment' Error:Field validation for 'payment' failed on the 'wallet or"
                                + " account or payment' tag")),
                c("schema oneOf (send.go Destination): a destination of two kinds", f -> expectRunError(f,
                        "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},\"destination\":{\"account\":"
                                + "{\"id\":\"b\"},\"wallet\":{\"id\":\"w\"}},\"amount\":{\"amount\":1,\"asset\":"
                                + "\"USD\"}}}]}",
                        "Key: 'Send.Destination.wallet' Error:Field validation for 'wallet' failed on the 'wallet or"
                                + " account or payment' tag\nKey: 'Send.Destination.account' Error:Field validation"
                                + " for 'account' failed on the 'wallet or account or payment' tag\nKey:"
                                + " 'Send.Destination.payment' Error:Field validation for 'payment' failed on the"
                                + " 'wallet or account or payment' tag")),
                c("schema oneOf (send.go WalletReference): a wallet with neither id nor name", f -> expectRunError(f,
                        "{\"stages\":[{\"send\":{\"source\":{\"wallet\":{}},\"destination\":{\"account\":{\"id\":\"b\"}},"
                                + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}",
                        "Key: 'Send.Source.Wallet.WalletReference.id' Error:Field validation for 'id' failed on the"
                                + " 'id or name' tag\nKey: 'Send.Source.Wallet.WalletReference.name' Error:Field"
                                + " validation for 'name' failed on the 'id or name' tag")),
                c("send.go PaymentSource validate required: a payment source without id", f -> expectRunError(f,
                        "{\"stages\":[{\"send\":{\"source\":{\"payment\":{}},\"destination\":{\"account\":{\"id\":\"b\"}},"
                                + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}",
                        "Key: 'Send.Source.Payment.ID' Error:Field validation for 'ID' failed on the 'required' tag")),
                c("update stage oneOf: an update without account", f -> expectRunError(f,
                        "{\"stages\":[{\"update\":{}}]}",
                        "Key: 'Update.account' Error:Field validation for 'account' failed on the 'account' tag")),
                c("update stage validate required: an account without id", f -> expectRunError(f,
                        "{\"stages\":[{\"update\":{\"account\":{\"metadata\":{\"k\":\"v\"}}}}]}",
                        "Key: 'Update.Account.ID' Error:Field validation for 'ID' failed on the 'required' tag")),
                c("wait_event validate required: an empty event name", f -> expectRunError(f,
                        "{\"stages\":[{\"wait_event\":{\"event\":\"\"}}]}",
                        "Key: 'WaitEvent.Event' Error:Field validation for 'Event' failed on the 'required' tag")),
                c("noop: RunNoop with an empty input, ended", f -> {
                    String instance = f.run("{\"stages\":[{\"noop\":{}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode entry = RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0");
                    assertThat(entry.get("name").asString()).isEqualTo("RunNoop");
                    assertThat(entry.get("input")).isEmpty();
                    assertThat(entry.get("terminated").asBoolean()).isTrue();
                }),
                c("wait_event: RunWaitEvent holds the resolved event", f -> {
                    String instance = f.startWaiting("go");
                    JsonNode entry = RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0");
                    assertThat(entry.get("name").asString()).isEqualTo("RunWaitEvent");
                    assertThat(entry.at("/input/event").asString()).isEqualTo("go");
                    assertThat(entry.get("terminated").asBoolean()).isFalse();
                    assertThat(entry.has("terminatedAt")).isFalse();
                }),
                c("update: RunUpdate is the history entry's name", f -> {
                    String instance = f.run("{\"stages\":[{\"update\":{\"account\":{\"id\":\"users:1\","
                            + "\"metadata\":{\"k\":\"v\"}}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/name")
                            .asString()).isEqualTo("RunUpdate");
                }),
                c("delay: an until in the past ends the stage", f -> {
                    String instance = f.run("{\"stages\":[{\"delay\":{\"until\":\"2000-01-01T00:00:00Z\"}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode entry = RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0");
                    assertThat(entry.get("name").asString()).isEqualTo("RunDelay");
                    assertThat(entry.at("/input/until").asString()).isEqualTo("2000-01-01T00:00:00Z");
                    assertThat(entry.get("terminated").asBoolean()).isTrue();
                }),
                c("delay: a failing stage ends the instance with its error, later stages never start", f -> {
                    String instance = f.run("{\"stages\":[{\"wait_event\":{}},{\"noop\":{}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
                    assertThat(data.get("status")).hasSize(1);
                    assertThat(data.get("terminated").asBoolean()).isTrue();
                }),
                c("send: a failed stage has its error on the status row and terminatedAt", f -> {
                    String instance = f.run("{\"stages\":[{\"wait_event\":{}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode row = RawHttp.json(f.get("/instances/" + instance)).at("/data/status/0");
                    assertThat(row.get("error").asString()).startsWith("Key: 'WaitEvent.Event'");
                    assertThat(row.has("terminatedAt")).isTrue();
                }),
                c("empty lists are [] (workflows, instances, triggers)", f -> {
                    assertThat(f.get("/workflows").body()).isEqualTo("{\"data\":[]}\n");
                    assertThat(f.get("/instances").body()).isEqualTo("{\"data\":[]}\n");
                    assertThat(f.get("/triggers").body()).isEqualTo("{\"data\":[]}\n");
                }));
    }

    /** Go's encoding/json scanner and decoder words, through createWorkflow (400 unmarshalling json body: ...). */
    private static List<Case> decoderWords() {
        String[][] table = {
                {"{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')"},
                {"{\"a\":fals}", "invalid character '}' in literal false (expecting 'e')"},
                {"{\"a\":nul}", "invalid character '}' in literal null (expecting 'l')"},
                {"{\"a\":01}", "invalid character '1' after object key:value pair"},
                {"{\"a\":1.}", "invalid character '}' after decimal point in numeric literal"},
                {"{\"a\":1e}", "invalid character '}' in exponent of numeric literal"},
                {"{\"a\":1e+}", "invalid character '}' in exponent of numeric literal"},
                {"{\"a\":-}", "invalid character '}' in numeric literal"},
                {"{,}", "invalid character ',' looking for beginning of object key string"},
                {"[,]", "invalid character ',' looking for beginning of value"},
                {"{\"a\":1,}", "invalid character '}' looking for beginning of object key string"},
                {"[1,]", "invalid character ']' looking for beginning of value"},
                {"{\"a\"}", "invalid character '}' after object key"},
                {"{\"a\":\"\\u12\"}", "invalid character '\"' in \\u hexadecimal character escape"},
                {"'a'", "invalid character '\\'' looking for beginning of value"},
                {"{\"a\":1]", "invalid character ']' after object key:value pair"},
                {"[1}", "invalid character '}' after array element"},
                {"{\"a\":\"\t\"}", "invalid character '\\t' in string literal"},
                {"{\"a\":\"\u0001\"}", "invalid character '\\x01' in string literal"},
                {"}", "invalid character '}' looking for beginning of value"},
                {"{\"a\":\"b\"", "unexpected EOF"},
                {"[", "unexpected EOF"},
                {"{\"a\":\"\\", "unexpected EOF"},
                {"tr", "unexpected EOF"},
                {"-", "unexpected EOF"},
                {"1", "json: cannot unmarshal number into Go value of type workflow.Config"},
                {"\"x\"", "json: cannot unmarshal string into Go value of type workflow.Config"},
                {"true", "json: cannot unmarshal bool into Go value of type workflow.Config"},
                {"[]", "json: cannot unmarshal array into Go value of type workflow.Config"},
                {"{\"name\":true}", "json: cannot unmarshal bool into Go struct field Config.name of type string"},
                {"{\"name\":{}}", "json: cannot unmarshal object into Go struct field Config.name of type string"},
                {"{\"name\":[]}", "json: cannot unmarshal array into Go struct field Config.name of type string"},
                {"{\"stages\":\"x\"}", "json: cannot unmarshal string into Go struct field Config.stages of type"
                        + " []workflow.RawStage"},
                {"{\"stages\":[[]]}", "json: cannot unmarshal array into Go struct field Config.stages of type"
                        + " workflow.RawStage"},
                {"{\"stages\":[\"x\"]}", "json: cannot unmarshal string into Go struct field Config.stages of type"
                        + " workflow.RawStage"},
        };
        List<Case> cases = new java.util.ArrayList<>();
        for (String[] row : table) {
            cases.add(c("encoding/json: createWorkflow body " + row[0].replace("\n", "\\n") + " -> " + row[1],
                    f -> expectError(f.post("/workflows", row[0]), 400, "VALIDATION",
                            "unmarshalling json body: " + row[1])));
        }
        String[][] triggerTable = {
                {"{\"event\":\"E\",\"vars\":[]}", "json: cannot unmarshal array into Go struct field TriggerData.vars"
                        + " of type map[string]string"},
                {"{\"filter\":1}", "json: cannot unmarshal number into Go struct field TriggerData.filter of type"
                        + " string"},
                {"{\"workflowID\":true}", "json: cannot unmarshal bool into Go struct field TriggerData.workflowID of"
                        + " type string"},
                {"{\"name\":[]}", "json: cannot unmarshal array into Go struct field TriggerData.name of type string"},
                {"\"x\"", "json: cannot unmarshal string into Go value of type triggers.TriggerData"},
                {"{\"event\":tru}", "invalid character '}' in literal true (expecting 'e')"},
        };
        for (String[] row : triggerTable) {
            cases.add(c("handler_create_trigger.go: body " + row[0] + " -> 500 " + row[1],
                    f -> expectError(f.post("/triggers", row[0]), 500, "INTERNAL", row[1])));
        }
        String[][] eventTable = {
                {"{\"name\":[]}", "json: cannot unmarshal array into Go struct field Event.name of type string"},
                {"{\"name\":true}", "json: cannot unmarshal bool into Go struct field Event.name of type string"},
                {"\"go\"", "json: cannot unmarshal string into Go value of type workflow.Event"},
                {"{\"name\":\"go\"", "unexpected EOF"},
        };
        for (String[] row : eventTable) {
            cases.add(c("handler_post_event.go: body " + row[0] + " -> 400 " + row[1],
                    f -> expectError(f.post("/instances/x/events", row[0]), 400, "VALIDATION", row[1])));
        }
        String[][] runTable = {
                {"{\"a\":true}", "json: cannot unmarshal bool into Go value of type string"},
                {"{\"a\":[]}", "json: cannot unmarshal array into Go value of type string"},
                {"\"x\"", "json: cannot unmarshal string into Go value of type map[string]string"},
                {"1", "json: cannot unmarshal number into Go value of type map[string]string"},
        };
        for (String[] row : runTable) {
            cases.add(c("handler_run_workflow.go: body " + row[0] + " -> 400 " + row[1],
                    f -> expectError(f.post("/workflows/" + f.createWorkflow("{}") + "/instances", row[0]), 400,
                            "VALIDATION", row[1])));
        }
        return cases;
    }

    /** time.ParseDuration at createWorkflow and Go's Duration.String in the RunDelay history entry. */
    private static List<Case> durations() {
        String[][] valid = {
                {"300ms", "300ms"}, {"1us", "1\u00b5s"}, {"1\u00b5s", "1\u00b5s"}, {"2h45m", "2h45m0s"}, {"0", "0s"},
                {"90m", "1h30m0s"}, {"1.5s", "1.5s"}, {"1000ms", "1s"}, {"1h1ns", "1h0m0.000000001s"},
                {"100ns", "100ns"}, {"+5s", "5s"}, {".5s", "500ms"},
        };
        List<Case> cases = new java.util.ArrayList<>();
        for (String[] row : valid) {
            cases.add(c("time.ParseDuration + Duration.String: " + row[0] + " -> " + row[1], f -> {
                String instance = f.run("{\"stages\":[{\"delay\":{\"duration\":\"" + row[0] + "\"}}]}");
                f.server.awaitTermination(instance, Duration.ofSeconds(10));
                assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/duration")
                        .asString()).isEqualTo(row[1]);
            }));
        }
        for (String invalid : new String[] {"1", "1d", "h", "1s2", "--1s", "1 s", "1.s.5"}) {
            cases.add(c("time.ParseDuration refuses '" + invalid + "' at createWorkflow", f -> expectError(
                    f.post("/workflows", "{\"stages\":[{\"delay\":{\"duration\":\"" + invalid + "\"}}]}"), 500,
                    "INTERNAL", "creating workflow: resolving field 'Duration': unable to resolve field 'Duration'"
                            + " to duration value")));
        }
        return cases;
    }

    /** schema/map.go big.Int: strings through SetString(…, 10), float64 through int64(). */
    private static List<Case> amounts() {
        String[][] valid = {{"\"+5\"", "5"}, {"\"007\"", "7"}, {"1e3", "1000"}, {"1.9", "1"}, {"\"0\"", "0"}};
        List<Case> cases = new java.util.ArrayList<>();
        for (String[] row : valid) {
            cases.add(c("schema/map.go big.Int: amount " + row[0] + " is " + row[1], f -> {
                String instance = f.run("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"world\"}},"
                        + "\"destination\":{\"account\":{\"id\":\"a\"}},\"amount\":{\"amount\":" + row[0]
                        + ",\"asset\":\"USD\"}}}]}");
                f.server.awaitTermination(instance, Duration.ofSeconds(10));
                assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).at("/data/0/input/amount/amount")
                        .bigIntegerValue()).isEqualTo(new java.math.BigInteger(row[1]));
            }));
        }
        for (String invalid : new String[] {"5.0", "1e3", "", "1_000", "five"}) {
            if (invalid.isEmpty()) {
                continue;
            }
            cases.add(c("schema/map.go big.Int: amount string '" + invalid + "' does not parse", f -> expectError(
                    f.post("/workflows", "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\"}},"
                            + "\"destination\":{\"account\":{\"id\":\"b\"}},\"amount\":{\"amount\":\"" + invalid
                            + "\",\"asset\":\"USD\"}}}]}"), 500, "INTERNAL", "creating workflow: resolving field"
                            + " 'Amount': resolving field 'Amount': unable to parse '" + invalid + "' as big int")));
        }
        return cases;
    }

    private static List<Case> moreAudits() {
        String send = "{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"world\",\"ledger\":\"l1\"}},"
                + "\"destination\":{\"account\":{\"id\":\"users:1\",\"ledger\":\"l1\"}},\"amount\":{\"amount\":250,"
                + "\"asset\":\"EUR/2\"},\"metadata\":{\"ref\":\"r1\"}}}]}";
        return List.of(
                c("net/url Values.Get: the first running wins", f -> {
                    f.startWaiting("go");
                    f.server.awaitTermination(f.run("{}"), Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=false&running=true")).get("data")).hasSize(2);
                }),
                c("net/url Values.Get: the first pageSize wins", f -> {
                    f.seedTriggers(5);
                    assertThat(RawHttp.json(f.get("/triggers?pageSize=2&pageSize=4")).get("data")).hasSize(2);
                }),
                c("net/url ParseQuery: '+' in workflowID is a space", f -> {
                    f.startWaiting("go");
                    assertThat(RawHttp.json(f.get("/instances?workflowID=a+b")).get("data")).isEmpty();
                }),
                c("net/url ParseQuery: a running pair with ';' is dropped", f -> {
                    f.startWaiting("go");
                    f.server.awaitTermination(f.run("{}"), Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances?running=true;x")).get("data")).hasSize(2);
                }),
                c("encoding/json: with duplicate keys the last wins", f -> assertThat(RawHttp.json(f.post(
                        "/workflows", "{\"name\":\"a\",\"name\":\"b\"}")).at("/data/config/name").asString())
                        .isEqualTo("b")),
                c("encoding/json: Stages matches stages", f -> assertThat(RawHttp.json(f.post("/workflows",
                        "{\"Stages\":[{\"noop\":{}}]}")).at("/data/config/stages")).hasSize(1)),
                c("encoding/json: a null name is \"\"", f -> assertThat(RawHttp.json(f.post("/workflows",
                        "{\"name\":null}")).at("/data/config/name").asString()).isEmpty()),
                c("encoding/json: white space around the body is fine", f -> assertThat(f.post("/workflows",
                        " \n\t{} \n").statusCode()).isEqualTo(201)),
                c("encoding/json: TriggerData fields match case-insensitively", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(f.post("/triggers", "{\"EVENT\":\"E\",\"WorkflowId\":\"" + workflow + "\"}")
                            .statusCode()).isEqualTo(201);
                }),
                c("trigger.go Trigger: a null filter is omitted", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(RawHttp.json(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"filter\":null}")).get("data").has("filter")).isFalse();
                }),
                c("trigger.go Trigger: key order name, event, filter, workflowID, workflow, vars, id, createdAt", f -> {
                    String workflow = f.createWorkflow("{}");
                    assertThat(RawHttp.json(f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow
                            + "\",\"filter\":\"true\",\"vars\":{\"a\":\"1\"}}")).get("data").propertyNames())
                            .containsSubsequence("name", "event", "filter", "workflowID", "workflow", "vars", "id",
                                    "createdAt");
                }),
                c("trigger.go Occurrence: id, triggerID, workflowInstanceID, workflowInstance, date, event", f -> {
                    String trigger = f.trigger("E", null, null);
                    f.server.emitEvent("E", Map.of());
                    JsonNode occurrence = RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).at("/data/0");
                    assertThat(occurrence.propertyNames()).containsExactly("id", "triggerID", "workflowInstanceID",
                            "workflowInstance", "date", "event");
                    assertThat(occurrence.get("triggerID").asString()).isEqualTo(trigger);
                }),
                c("manager.go GetInstance: an instance of a deleted workflow embeds it with deletedAt", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"go\"}}]}");
                    String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{}"))
                            .at("/data/id").asString();
                    f.send("DELETE", "/workflows/" + workflow, null);
                    assertThat(RawHttp.json(f.get("/instances/" + instance)).at("/data/workflow/deletedAt").isString())
                            .isTrue();
                }),
                c("triggers/activities.go ListTriggers: a trigger of a deleted workflow still fires", f -> {
                    String trigger = f.trigger("E", null, null);
                    String workflow = RawHttp.json(f.get("/triggers/" + trigger)).at("/data/workflowID").asString();
                    f.send("DELETE", "/workflows/" + workflow, null);
                    assertThat(f.server.emitEvent("E", Map.of())).hasSize(1);
                }),
                c("manager.go DeleteWorkflow: triggers of a deleted workflow stay readable", f -> {
                    String trigger = f.trigger("E", null, null);
                    String workflow = RawHttp.json(f.get("/triggers/" + trigger)).at("/data/workflowID").asString();
                    f.send("DELETE", "/workflows/" + workflow, null);
                    assertThat(f.get("/triggers/" + trigger).statusCode()).isEqualTo(200);
                }),
                c("send/run.go: CreateTransaction posting carries amount and asset", f -> {
                    String instance = f.run(send);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode posting = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/input/CreateTransaction/Data/postings/0");
                    assertThat(posting.get("source").asString()).isEqualTo("world");
                    assertThat(posting.get("amount").asLong()).isEqualTo(250);
                    assertThat(posting.get("asset").asString()).isEqualTo("EUR/2");
                }),
                c("send/run.go: the stage metadata goes to the transaction", f -> {
                    String instance = f.run(send);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/input/CreateTransaction/Data/metadata/ref").asString()).isEqualTo("r1");
                }),
                c("send/run.go: the ledger of the source account is the transaction's", f -> {
                    String instance = f.run(send);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/input/CreateTransaction/Ledger").asString()).isEqualTo("l1");
                }),
                c("send/run.go: across ledgers, one transaction per ledger through the throughAccount", f -> {
                    String instance = f.run("{\"stages\":[{\"send\":{\"source\":{\"account\":{\"id\":\"a\","
                            + "\"ledger\":\"l1\"}},\"destination\":{\"account\":{\"id\":\"b\",\"ledger\":\"l2\"}},"
                            + "\"amount\":{\"amount\":1,\"asset\":\"USD\"}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode activities = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .get("data");
                    assertThat(activities).hasSize(2);
                    assertThat(activities.at("/0/input/CreateTransaction/Data/postings/0/destination").asString())
                            .isEqualTo("world");
                    assertThat(activities.at("/1/input/CreateTransaction/Ledger").asString()).isEqualTo("l2");
                    assertThat(activities.at("/1/input/CreateTransaction/Data/postings/0/source").asString())
                            .isEqualTo("world");
                }),
                c("update/run.go: AddAccountMetadata carries the metadata", f -> {
                    String instance = f.run("{\"stages\":[{\"update\":{\"account\":{\"id\":\"users:1\","
                            + "\"metadata\":{\"k\":\"v\"}}}}]}");
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    assertThat(RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/input/AddAccountMetadata/metadata/k").asString()).isEqualTo("v");
                }),
                c("manager.go ReadStageHistory: activities are terminated with startedAt and terminatedAt", f -> {
                    String instance = f.run(send);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode activity = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0");
                    assertThat(activity.get("terminated").asBoolean()).isTrue();
                    assertThat(activity.has("startedAt")).isTrue();
                    assertThat(activity.has("terminatedAt")).isTrue();
                    assertThat(activity.has("error")).isFalse();
                }),
                c("manager.go ReadStageHistory: CreateTransaction output data[0].txid equals id", f -> {
                    String instance = f.run(send);
                    f.server.awaitTermination(instance, Duration.ofSeconds(10));
                    JsonNode tx = RawHttp.json(f.get("/instances/" + instance + "/stages/0/history"))
                            .at("/data/0/output/CreateTransaction/data/0");
                    assertThat(tx.get("txid").asLong()).isEqualTo(tx.get("id").asLong());
                }),
                c("v1/router.go: PATCH /instances is 405 GET", f -> assertThat(f.send("PATCH", "/instances", "{}")
                        .headers().allValues("Allow")).containsExactly("GET")),
                c("v1/router.go: DELETE /instances/{id}/events is 405 POST", f -> assertThat(f.send("DELETE",
                        "/instances/x/events", null).headers().allValues("Allow")).containsExactly("POST")),
                c("v1/router.go: POST /instances/{id}/stages/0/history is 405 GET", f -> assertThat(f.send("POST",
                        "/instances/x/stages/0/history", "{}").headers().allValues("Allow")).containsExactly("GET")),
                c("v1/router.go: POST /instances/{id}/abort is 405 PUT", f -> assertThat(f.send("POST",
                        "/instances/x/abort", "{}").headers().allValues("Allow")).containsExactly("PUT")),
                c("v1/router.go: a wrong method is 405 with an empty body and application/json", f -> {
                    HttpResponse<String> response = f.send("DELETE", "/instances", null);
                    assertThat(response.statusCode()).isEqualTo(405);
                    assertThat(response.body()).isEmpty();
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                }),
                c("v1/router.go auth first: /triggers/{id}/occurrences without a token is 401",
                        f -> assertThat(f.securedGet("/triggers/x/occurrences").statusCode()).isEqualTo(401)),
                c("v1/router.go auth first: runWorkflow without a token is 401",
                        f -> assertThat(f.securedSend("POST", "/workflows/x/instances").statusCode()).isEqualTo(401)),
                c("v1/router.go auth first: a stage history without a token is 401",
                        f -> assertThat(f.securedGet("/instances/x/stages/0/history").statusCode()).isEqualTo(401)),
                c("v1/router.go auth first: a trailing-slash 404 inside a group is 401",
                        f -> assertThat(f.securedGet("/instances/x/history/").statusCode()).isEqualTo(401)),
                c("encoding/json unquote: a lone surrogate escape is U+FFFD", f -> assertThat(f.post("/workflows",
                        "{\"name\":\"a\\ud800b\"}").body()).contains("\"name\":\"a\uFFFDb\"")),
                c("encoding/json unquote: a surrogate pair escape is one character", f -> assertThat(f.post(
                        "/workflows", "{\"name\":\"\\ud83d\\ude00\"}").body()).contains("\"name\":\"\uD83D\uDE00\"")),
                c("api/router.go: _healthcheck/ with a trailing slash is 404 without auth",
                        f -> expectText(f.securedGet("/_healthcheck/"), 404, "404 page not found\n")));
    }

    private static List<Case> events() {
        return List.of(
                c("listener.go getWorkflowIDFromEvent: a second SAVED_PAYMENT with the same id does not fire", f -> {
                    f.trigger("SAVED_PAYMENT", null, null);
                    assertThat(f.server.emitEvent("SAVED_PAYMENT", Map.of("id", "p1"))).hasSize(1);
                    assertThat(f.server.emitEvent("SAVED_PAYMENT", Map.of("id", "p1"))).isEmpty();
                    assertThat(f.server.emitEvent("SAVED_PAYMENT", Map.of("id", "p2"))).hasSize(1);
                }),
                c("listener.go getWorkflowIDFromEvent: SAVED_ACCOUNT is deduplicated per trigger", f -> {
                    f.trigger("SAVED_ACCOUNT", null, null);
                    f.trigger("SAVED_ACCOUNT", null, null);
                    assertThat(f.server.emitEvent("SAVED_ACCOUNT", Map.of("id", "a1"))).hasSize(2);
                    assertThat(f.server.emitEvent("SAVED_ACCOUNT", Map.of("id", "a1"))).isEmpty();
                }),
                c("listener.go: other event types fire every time", f -> {
                    f.trigger("COMMITTED_TRANSACTIONS", null, null);
                    assertThat(f.server.emitEvent("COMMITTED_TRANSACTIONS", Map.of("id", "t"))).hasSize(1);
                    assertThat(f.server.emitEvent("COMMITTED_TRANSACTIONS", Map.of("id", "t"))).hasSize(1);
                }),
                c("listener.go: a filtered-out SAVED_PAYMENT does not use up its id", f -> {
                    f.trigger("SAVED_PAYMENT", "event.amount > 10", null);
                    assertThat(f.server.emitEvent("SAVED_PAYMENT", Map.of("id", "p", "amount", 5))).isEmpty();
                    assertThat(f.server.emitEvent("SAVED_PAYMENT", Map.of("id", "p", "amount", 50))).hasSize(1);
                }),
                c("listener.go listMatchingTriggers: a filter error is no match", f -> {
                    f.trigger("E", "event.missing.deeper == 1", null);
                    assertThat(f.server.emitEvent("E", Map.of())).isEmpty();
                }),
                c("listener.go: a trigger version must equal the event version", f -> {
                    String workflow = f.createWorkflow("{}");
                    f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\",\"version\":\"v2\"}");
                    assertThat(f.server.emitEvent("E", "v1", Map.of())).isEmpty();
                    assertThat(f.server.emitEvent("E", "v2", Map.of())).hasSize(1);
                }),
                c("workflow_trigger.go ExecuteTrigger: a variable error is an occurrence without instance", f -> {
                    String trigger = f.trigger("E", null, "{\"v\":\"event.a.b\"}");
                    f.server.emitEvent("E", Map.of());
                    JsonNode occurrence = RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).at("/data/0");
                    assertThat(occurrence.get("error").asString()).isEqualTo("cannot fetch b from <nil>");
                    assertThat(occurrence.has("workflowInstanceID")).isFalse();
                    assertThat(occurrence.has("workflowInstance")).isFalse();
                }),
                c("trigger.go Occurrence: the instance is embedded without status or workflow", f -> {
                    String trigger = f.trigger("E", null, "{\"v\":\"event.a\"}");
                    f.server.emitEvent("E", Map.of("a", "x"));
                    JsonNode occurrence = RawHttp.json(f.get("/triggers/" + trigger + "/occurrences")).at("/data/0");
                    assertThat(occurrence.has("error")).isFalse();
                    assertThat(occurrence.at("/workflowInstance/id").asString())
                            .isEqualTo(occurrence.get("workflowInstanceID").asString());
                    assertThat(occurrence.get("workflowInstance").has("status")).isFalse();
                    assertThat(occurrence.get("workflowInstance").has("workflow")).isFalse();
                    assertThat(occurrence.at("/event/type").asString()).isEqualTo("E");
                }));
    }

    private static List<Case> expressions() {
        return List.of(
                c("expression.go evalVariable: float64 through json.Marshal, the rest through fmt.Sprint", f -> {
                    String workflow = f.createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":"
                            + "\"${n}|${big}|${m}|${s}|${none}|${i}|${list}\"}}]}");
                    f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\"" + workflow + "\",\"vars\":{"
                            + "\"n\":\"event.n * 2\",\"big\":\"event.n * 1e20\",\"m\":\"event.m\","
                            + "\"s\":\"event.s + '-' + lower(event.t)\",\"none\":\"event.none\",\"i\":\"1 + 2\","
                            + "\"list\":\"split('a,b', ',')\"}}");
                    List<TriggerOccurrence> fired = f.server.emitEvent("E", Map.of("n", 21, "m",
                            Map.of("k", 1.5, "j", 1e6), "s", "A", "t", "B"));
                    String instance = fired.get(0).workflowInstanceID();
                    JsonNode history = RawHttp.json(f.get("/instances/" + instance + "/history"));
                    assertThat(history.at("/data/0/input/event").asString())
                            .isEqualTo("42|2.1e+21|map[j:1e+06 k:1.5]|A-b|<nil>|3|[a b]");
                }),
                c("expr-lang checker: an unknown function does not compile here (link() needs the network)", f -> {
                    String workflow = f.createWorkflow("{}");
                    HttpResponse<String> response = f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\",\"vars\":{\"p\":\"link(event, 'payment')\"}}");
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(RawHttp.json(response).get("errorMessage").asString())
                            .startsWith("validating data: error compiling expression 'link(event, 'payment')': ");
                }));
    }

    private static List<Case> limits() {
        return List.of(
                c("encoding/json: nesting beyond the limit is 'exceeded max depth' (400 on createWorkflow)",
                        f -> expectError(f.post("/workflows", "{\"name\":\"x\",\"stages\":[{\"noop\":"
                                + "{\"a\":".repeat(2000) + "1" + "}".repeat(2002) + "]}"), 400, "VALIDATION",
                                "unmarshalling json body: exceeded max depth")),
                c("encoding/json: nesting beyond the limit is 'exceeded max depth' (500 on createTrigger)",
                        f -> expectError(f.post("/triggers", "[".repeat(5000) + "]".repeat(5000)), 500,
                                "INTERNAL", "exceeded max depth")),
                c("embedded server: a body over 4 MiB is 413 (the real server has no limit; README difference)",
                        f -> {
                            HttpResponse<String> response = f.post("/workflows", "{\"name\":\""
                                    + "x".repeat(RequestBodies.MAX_BODY_BYTES) + "\"}");
                            assertThat(response.statusCode()).isEqualTo(413);
                            assertThat(RawHttp.json(response).get("errorMessage").asString())
                                    .contains(Integer.toString(RequestBodies.MAX_BODY_BYTES));
                        }),
                c("expr-lang parser: a deeply nested expression is refused, not a stack overflow", f -> {
                    String workflow = f.createWorkflow("{}");
                    String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
                    HttpResponse<String> response = f.post("/triggers", "{\"event\":\"E\",\"workflowID\":\""
                            + workflow + "\",\"filter\":\"" + deep + "\"}");
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(f.get("/triggers").statusCode()).isEqualTo(200);
                }),
                c("a normal request right after an oversized one succeeds", f -> {
                    f.post("/workflows", "[".repeat(5000));
                    assertThat(f.post("/workflows", "{}").statusCode()).isEqualTo(201);
                }));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void expectError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = RawHttp.json(response);
        assertThat(body.get("errorCode").asString()).isEqualTo(code);
        assertThat(body.get("errorMessage").asString()).isEqualTo(message);
        assertThat(response.body()).endsWith("}\n");
    }

    private static void expectRunError(ConformanceTest f, String workflowJson, String error) {
        String workflow = f.createWorkflow(workflowJson);
        String instance = RawHttp.json(f.post("/workflows/" + workflow + "/instances", "{}")).at("/data/id").asString();
        f.server.awaitTermination(instance, Duration.ofSeconds(10));
        JsonNode data = RawHttp.json(f.get("/instances/" + instance)).get("data");
        assertThat(data.get("error").asString()).isEqualTo(error);
        assertThat(RawHttp.json(f.get("/instances/" + instance + "/history")).get("data")).isEmpty();
    }

    private static void expectText(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(text);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    HttpResponse<String> get(String path) {
        return RawHttp.get(server.url(path));
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    HttpResponse<String> send(String method, String path, String body) {
        return RawHttp.send(method, server.url(path), body);
    }

    HttpResponse<String> timedGet(String path) {
        return RawHttp.get(timed.url(path));
    }

    HttpResponse<String> timedPost(String path, String body) {
        return RawHttp.send("POST", timed.url(path), body);
    }

    HttpResponse<String> securedGet(String path) {
        return RawHttp.get(secured.url(path));
    }

    HttpResponse<String> securedSend(String method, String path) {
        return RawHttp.send(HttpRequest.newBuilder(URI.create(secured.url(path)))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0]))));
    }

    String createWorkflow(String json) {
        HttpResponse<String> created = post("/workflows", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RawHttp.json(created).at("/data/id").asString();
    }

    String run(String workflowJson) {
        return RawHttp.json(post("/workflows/" + createWorkflow(workflowJson) + "/instances", "{}")).at("/data/id")
                .asString();
    }

    void seedTriggers(int count) {
        String workflow = createWorkflow("{}");
        IntStream.range(0, count).forEach(i -> server.seedTrigger(TriggerData.of("E" + i, workflow)));
    }

    HttpResponse<String> postBytes(String path, byte[] body) {
        return RawHttp.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    JsonNode event() {
        return io.github.formancecommunity.orchestration.client.OrchestrationJson.mapper().readTree(EVENT_JSON);
    }

    String cursor(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    String startWaiting(String event) {
        String workflow = createWorkflow("{\"stages\":[{\"wait_event\":{\"event\":\"" + event + "\"}}]}");
        return RawHttp.json(post("/workflows/" + workflow + "/instances", "{}")).at("/data/id").asString();
    }

    String trigger(String event, String filter, String varsJson) {
        String workflow = createWorkflow("{}");
        StringBuilder body = new StringBuilder("{\"event\":\"" + event + "\",\"workflowID\":\"" + workflow + "\"");
        if (filter != null) {
            body.append(",\"filter\":\"").append(filter).append('"');
        }
        if (varsJson != null) {
            body.append(",\"vars\":").append(varsJson);
        }
        HttpResponse<String> created = post("/triggers", body.append('}').toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RawHttp.json(created).at("/data/id").asString();
    }

    /** Sends a request line the JDK client refuses to build, and returns the status line. */
    String rawStatusLine(String requestLine) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
