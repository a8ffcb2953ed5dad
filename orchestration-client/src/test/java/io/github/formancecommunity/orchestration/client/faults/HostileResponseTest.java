package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.assertNoSecretAndBounded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Payment;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;

/**
 * Success responses that are odd, drifting or hostile: what the client keeps, and the typed exception it gives
 * when it cannot (never a {@link StackOverflowError}, an {@link OutOfMemoryError} or a raw Jackson exception).
 */
class HostileResponseTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ScenarioTally TALLY = new ScenarioTally("client hostile responses");

    private OrchestrationV1Client client;

    @BeforeEach
    void client() {
        // generous read time-out: the ten-megabyte bodies must arrive whole on a busy build machine
        client = FaultSupport.builder(server.baseUrl()).readTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    private static void answer(String path, String contentType, String body) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
    }

    private static void answerJson(String path, String body) {
        answer(path, "application/json", body);
    }

    private static OrchestrationResponseException responseFailure(Throwable thrown, OrchestrationOperation op) {
        assertThat(thrown).isInstanceOf(OrchestrationResponseException.class);
        OrchestrationResponseException ex = (OrchestrationResponseException) thrown;
        assertThat(ex.operation()).isEqualTo(op);
        assertThat(ex.status()).isEqualTo(200);
        assertThat(ex.getMessage()).startsWith(op.operationId() + ": HTTP 200");
        assertNoSecretAndBounded(ex);
        TALLY.typedFailure();
        return ex;
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        answerJson("/workflows/w1", "{\"cursor\":{\"next\":\"x\"},\"data\":{\"id\":\"w1\",\"brandNew\":[1,2,{\"a\":1}],"
                + "\"config\":{\"name\":\"f\",\"labels\":{\"k\":\"v\"},\"stages\":[{\"delay\":{\"duration\":\"1m\","
                + "\"jitter\":\"5s\"}}]},\"createdAt\":\"2026-04-28T10:11:12.123456789+02:00\",\"extra\":null}}");

        Workflow workflow = client.getWorkflow("w1");
        TALLY.fault();

        assertThat(workflow.id()).isEqualTo("w1");
        assertThat(workflow.config().stages()).hasSize(1);
        assertThat(workflow.config().stages().get(0).delay()).isPresent();
        assertThat(workflow.createdAt().getNano()).isEqualTo(123_456_789);
        assertThat(workflow.createdAt().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void unknownEnumValuesAreKeptRaw() {
        answerJson("/instances/i1/stages/0/history", "{\"data\":[{\"name\":\"GetPayment\",\"input\":{\"GetPayment\":"
                + "{\"id\":\"p1\"}},\"output\":{\"GetPayment\":{\"data\":{\"id\":\"p1\",\"provider\":\"QUANTUM_BANK\","
                + "\"type\":\"PAY-SIDEWAYS\",\"status\":\"HALF_DONE\",\"scheme\":\"carrier pigeon\","
                + "\"initialAmount\":1,\"asset\":\"USD/2\"}}},\"terminated\":true}]}");

        List<WorkflowInstanceHistoryStage> history = client.getInstanceStageHistory("i1", 0);
        TALLY.fault();

        Payment payment = history.get(0).typedOutput().orElseThrow().getPayment().data();
        assertThat(payment.provider().value()).isEqualTo("QUANTUM_BANK");
        assertThat(payment.provider().isKnown()).isFalse();
        assertThat(payment.type().value()).isEqualTo("PAY-SIDEWAYS");
        assertThat(payment.status().value()).isEqualTo("HALF_DONE");
        assertThat(payment.status().isKnown()).isFalse();
        assertThat(payment.scheme().value()).isEqualTo("carrier pigeon");
    }

    @Test
    void nullsWhereTheSpecHasValuesDoNotFailAndCollectionsAreNeverNull() {
        answerJson("/instances/i1", "{\"data\":{\"id\":\"i1\",\"workflowID\":null,\"createdAt\":null,"
                + "\"terminated\":null,\"status\":null,\"workflow\":{\"id\":\"w1\",\"config\":{\"stages\":null}}}}");

        WorkflowInstance instance = client.getInstance("i1");
        TALLY.fault();

        assertThat(instance.workflowID()).isNull();
        assertThat(instance.terminated()).isFalse();
        assertThat(instance.status()).isEmpty();
        assertThat(instance.workflow().config().stages()).isEmpty();
    }

    @Test
    void aNullEnvelopeIsATypedFailure() {
        answerJson("/workflows", "{\"data\":null}");
        responseFailure(catchThrowable(() -> client.listWorkflows()), OrchestrationOperation.LIST_WORKFLOWS);
        TALLY.fault();

        answerJson("/_info", "null");
        responseFailure(catchThrowable(() -> client.getServerInfo()), OrchestrationOperation.GET_SERVER_INFO);
        TALLY.fault();
    }

    @Test
    void aNullElementInAListIsATypedFailure() {
        answerJson("/workflows", "{\"data\":[{\"id\":\"w1\"},null]}");

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        assertThat(responseFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS).getMessage()).contains("null");
    }

    @Test
    void returnedListsAreImmutable() {
        answerJson("/workflows", "{\"data\":[{\"id\":\"w1\"}]}");

        List<Workflow> workflows = client.listWorkflows();
        TALLY.call();

        assertThat(catchThrowable(() -> workflows.add(workflows.get(0))))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTenMegabyteListIsReadCompletely() {
        String item = "{\"id\":\"%05d\",\"config\":{\"name\":\"" + "n".repeat(300) + "\",\"stages\":[{\"wait_event\":"
                + "{\"event\":\"go\"}}]},\"createdAt\":\"2026-04-28T10:11:12Z\"}";
        StringBuilder body = new StringBuilder(FaultSupport.TEN_MB + 1024).append("{\"data\":[");
        int count = 0;
        while (body.length() < FaultSupport.TEN_MB) {
            if (count > 0) {
                body.append(',');
            }
            body.append(String.format(item, count++));
        }
        body.append("]}");
        answerJson("/workflows", body.toString());

        List<Workflow> workflows = client.listWorkflows();
        TALLY.fault();

        assertThat(workflows).hasSize(count);
        assertThat(workflows.get(count - 1).id()).isEqualTo(String.format("%05d", count - 1));
    }

    @Test
    void deeplyNestedJsonInARawFieldIsATypedFailureNotAStackOverflow() {
        int depth = 5_000;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        answerJson("/triggers/t1", "{\"data\":{\"id\":\"t1\",\"vars\":{\"deep\":" + nested + "}}}");

        Throwable thrown = catchThrowable(() -> client.readTrigger("t1"));
        TALLY.fault();

        assertThat(thrown).isNotInstanceOf(StackOverflowError.class);
        assertThat(responseFailure(thrown, OrchestrationOperation.READ_TRIGGER).getMessage()).contains("nesting");
    }

    @Test
    void nestingWithinTheLimitIsAccepted() {
        int depth = 200;
        String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        answerJson("/triggers/t1", "{\"data\":{\"id\":\"t1\",\"vars\":{\"deep\":" + nested + "}}}");

        Trigger trigger = client.readTrigger("t1");
        TALLY.call();

        assertThat(trigger.vars().get("deep").get("a").get("a")).isNotNull();
    }

    @Test
    void numbersBeyondLongRangeAreKeptExact() {
        String huge = "123456789012345678901234567890123456789";
        answerJson("/triggers/t1/occurrences", "{\"data\":[{\"triggerID\":\"t1\",\"date\":\"2026-04-28T10:11:12Z\","
                + "\"event\":{\"amount\":" + huge + ",\"negative\":-" + huge + ",\"decimal\":" + huge + ".5}}]}");
        answerJson("/workflows/w1", "{\"data\":{\"id\":\"w1\",\"config\":{\"stages\":[{\"send\":{\"amount\":"
                + "{\"asset\":\"USD/2\",\"amount\":" + huge + "},\"source\":{\"wallet\":{\"id\":\"a\"}},"
                + "\"destination\":{\"wallet\":{\"id\":\"b\"}}}}]}}}");

        TriggerOccurrence occurrence = client.listTriggersOccurrences("t1").get(0);
        Workflow workflow = client.getWorkflow("w1");
        TALLY.fault();
        TALLY.fault();

        assertThat(occurrence.event().get("amount").bigIntegerValue()).isEqualTo(new BigInteger(huge));
        assertThat(occurrence.event().get("negative").bigIntegerValue()).isEqualTo(new BigInteger("-" + huge));
        assertThat(occurrence.event().get("decimal").decimalValue().toPlainString()).isEqualTo(huge + ".5");
        assertThat(workflow.config().stages().get(0).send().orElseThrow().amount().amount())
                .isEqualTo(new BigInteger(huge));
    }

    @Test
    void aNumberBeyondTheParserLimitIsATypedFailure() {
        answerJson("/triggers/t1", "{\"data\":{\"id\":\"t1\",\"vars\":{\"n\":" + "9".repeat(5_000) + "}}}");

        Throwable thrown = catchThrowable(() -> client.readTrigger("t1"));
        TALLY.fault();

        responseFailure(thrown, OrchestrationOperation.READ_TRIGGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"2026-13-45T99:99:99Z\"", "\"2026-04-28\"", "\"2026-04-28T10:11:12\"",
            "true", "{}", "[]"})
    void anInvalidDateIsATypedFailureNamingTheField(String value) {
        // the padding keeps the field name out of the body excerpt: the message must name it on its own
        answerJson("/instances/i1", "{\"data\":{\"id\":\"i1\",\"padding\":\"" + "p".repeat(300) + "\","
                + "\"createdAt\":\"2026-04-28T10:11:12Z\",\"terminatedAt\":" + value + "}}");

        Throwable thrown = catchThrowable(() -> client.getInstance("i1"));
        TALLY.fault();

        assertThat(responseFailure(thrown, OrchestrationOperation.GET_INSTANCE).getMessage())
                .contains(" at data.terminatedAt ");
    }

    @Test
    void anEpochNumberIsReadAsThatInstant() {
        answerJson("/instances/i1", "{\"data\":{\"id\":\"i1\",\"terminatedAt\":1714298400}}");

        WorkflowInstance instance = client.getInstance("i1");
        TALLY.fault();

        assertThat(instance.terminatedAt().toEpochSecond()).isEqualTo(1714298400L);
    }

    @Test
    void anInvalidDateDeepInAListNamesItsPath() {
        answerJson("/instances/i1", "{\"data\":{\"id\":\"i1\",\"status\":[{\"stage\":0},{\"stage\":1,"
                + "\"startedAt\":\"soon\"}]}}");

        Throwable thrown = catchThrowable(() -> client.getInstance("i1"));
        TALLY.fault();

        assertThat(responseFailure(thrown, OrchestrationOperation.GET_INSTANCE).getMessage())
                .contains(" at data.status[1].startedAt ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain", "application/xml", "application/octet-stream"})
    void aWrongContentTypeIsATypedFailureNamingIt(String contentType) {
        answer("/workflows", contentType, "{\"data\":[]}");

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        assertThat(responseFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS).getMessage()).contains(contentType);
    }

    @Test
    void aTenMegabyteNonJsonBodyGivesABoundedMessage() {
        answer("/workflows", "text/html", "<html>" + "x".repeat(FaultSupport.TEN_MB) + "</html>");

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        responseFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS);
    }

    @Test
    void aTenMegabyteMalformedJsonBodyGivesABoundedMessage() {
        answerJson("/workflows", "{\"data\":[\"" + "x".repeat(FaultSupport.TEN_MB) + "\" oops");

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        responseFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS);
    }

    @ParameterizedTest
    @EnumSource(value = OperationCase.class, names = {"DELETE_TRIGGER", "DELETE_WORKFLOW", "SEND_EVENT",
            "CANCEL_EVENT"})
    void anOperationWithoutResultRefusesAnHtmlPageAnsweredWith200(OperationCase operation) {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><html><body>Welcome to our single-page app</body></html>")));

        Throwable thrown = catchThrowable(() -> operation.invoke(client));
        TALLY.fault();

        assertThat(responseFailure(thrown, operation.operation()).getMessage()).contains("text/html")
                .contains("single-page app");
    }

    @ParameterizedTest
    @EnumSource(value = OperationCase.class, names = {"DELETE_TRIGGER", "DELETE_WORKFLOW", "SEND_EVENT",
            "CANCEL_EVENT"})
    void anOperationWithoutResultAcceptsNoBodyOrAJsonBody(OperationCase operation) {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).inScenario("void")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(204).withHeader("Content-Type", "application/json"))
                .willSetStateTo("json"));
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).inScenario("void")
                .whenScenarioStateIs("json")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"unexpected\":true}}")));

        operation.invoke(client);
        operation.invoke(client);
        TALLY.call();
        TALLY.call();

        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":\"w1\"}", "{\"data\":{\"id\":\"w1\"}}", "[1,2,3]", "{\"data\":[1,2]}",
            "{\"data\":[",
            "{\"data\":[]} trailing"})
    void aBodyOfTheWrongShapeIsATypedFailure(String body) {
        answerJson("/workflows", body);

        Throwable thrown = catchThrowable(() -> client.listWorkflows());
        TALLY.fault();

        responseFailure(thrown, OrchestrationOperation.LIST_WORKFLOWS);
    }
}
