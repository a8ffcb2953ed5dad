package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.formancecommunity.orchestration.client.fixtures.Payloads.BIG_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.TestClients;
import io.github.formancecommunity.orchestration.client.model.TransferType;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/**
 * How the client reads what the server may send beyond the happy shapes of the spec: numbers beyond
 * {@code long}, nanoseconds and offsets, fields and enum values it does not know, {@code null} where the spec
 * says array.
 */
class ResponseDecodingTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private OrchestrationV1Client client;

    @BeforeEach
    void createClient() {
        client = TestClients.builder(server).build();
    }

    @AfterEach
    void closeClient() throws IOException {
        client.close();
    }

    @Test
    void aBigAmountInRawStageJsonSurvivesDecodingAndSendingBack() {
        answer(200, """
                {"data":{"id":"wf-1","config":{"name":"exact","stages":[
                  {"send":{"source":{"account":{"id":"world"}},"destination":{"account":{"id":"users:001"}},
                           "amount":{"amount":123456789012345678901234567890,"asset":"EUR/2"}}}]},
                 "createdAt":"2026-04-28T10:00:00Z","updatedAt":"2026-04-28T10:00:00Z","deletedAt":null}}
                """);

        Workflow workflow = client.getWorkflow("wf-1");
        client.createWorkflow(workflow.config());

        WorkflowStage stage = workflow.config().stages().get(0);
        assertThat(stage.spec().get("amount").get("amount").bigIntegerValue()).isEqualTo(BIG_AMOUNT);
        assertThat(stage.send().orElseThrow().amount().amount()).isEqualTo(BIG_AMOUNT);
        server.verify(postRequestedFor(urlPathEqualTo(TestClients.PREFIX + "/workflows"))
                .withRequestBody(equalToJson("""
                        {"name":"exact","stages":[
                          {"send":{"source":{"account":{"id":"world"}},"destination":{"account":{"id":"users:001"}},
                                   "amount":{"amount":123456789012345678901234567890,"asset":"EUR/2"}}}]}
                        """, false, false)));
        assertThat(server.getAllServeEvents()).filteredOn(event -> event.getRequest().getMethod().getName()
                .equals("POST")).singleElement().satisfies(event -> assertThat(event.getRequest().getBodyAsString())
                        .contains("\"amount\":123456789012345678901234567890"));
    }

    @Test
    void nanosecondDateTimesKeepTheirZoneAndOffset() {
        answer(200, """
                {"data":{"workflowID":"wf-1","id":"inst-1","terminated":true,
                 "createdAt":"2026-04-28T10:00:00.123456789Z",
                 "updatedAt":"2026-04-28T12:00:00.123456789+02:00",
                 "terminatedAt":"2026-04-28T04:30:00.000000001-05:30"}}
                """);

        WorkflowInstance instance = client.getInstance("inst-1");

        assertThat(instance.createdAt().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(instance.createdAt().getNano()).isEqualTo(123456789);
        assertThat(instance.updatedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(instance.updatedAt().getNano()).isEqualTo(123456789);
        assertThat(instance.updatedAt().getHour()).isEqualTo(12);
        assertThat(instance.updatedAt().isEqual(instance.createdAt())).isTrue();
        assertThat(instance.terminatedAt())
                .isEqualTo(OffsetDateTime.of(2026, 4, 28, 4, 30, 0, 1, ZoneOffset.ofHoursMinutes(-5, -30)));
    }

    @Test
    void unknownFieldsAtEveryLevelAreIgnored() {
        answer(200, """
                {"data":{"workflowID":"wf-1","id":"inst-1","terminated":false,"priority":7,
                 "createdAt":"2026-04-28T10:00:00Z","updatedAt":"2026-04-28T10:00:00Z",
                 "workflow":{"id":"wf-1","owner":{"team":"payments"},"config":{"name":"n","stages":[],"labels":["a"]},
                             "createdAt":"2026-04-28T09:00:00Z","updatedAt":"2026-04-28T09:00:00Z","deletedAt":null},
                 "status":[{"stage":0,"instanceID":"inst-1","startedAt":"2026-04-28T10:00:00Z","retries":[1,2]}]},
                 "cursor":{"hasMore":false}}
                """);

        WorkflowInstance instance = client.getInstance("inst-1");

        assertThat(instance.id()).isEqualTo("inst-1");
        assertThat(instance.workflow().config().name()).isEqualTo("n");
        assertThat(instance.status()).singleElement().satisfies(status -> assertThat(status.stageNumber()).isZero());
    }

    @Test
    void unknownEnumValuesAndStageTypesAreKept() {
        answer(200, """
                {"data":{"id":"wf-1","config":{"name":"future","stages":[
                  {"send":{"source":{"account":{"id":"world"}},"destination":{"payment":{"psp":"wise","type":"INSTANT"}},
                           "amount":{"amount":100,"asset":"EUR/2"}}},
                  {"noop":{}},
                  {"split":{"ways":3}}]},
                 "createdAt":"2026-04-28T10:00:00Z","updatedAt":"2026-04-28T10:00:00Z"}}
                """);

        Workflow workflow = client.getWorkflow("wf-1");

        TransferType type = workflow.config().stages().get(0).send().orElseThrow().destination().payment().type();
        assertThat(type.value()).isEqualTo("INSTANT");
        assertThat(type.isKnown()).isFalse();
        assertThat(workflow.config().stages()).extracting(WorkflowStage::type).containsExactly("send", "noop", "split");
        WorkflowStage split = workflow.config().stages().get(2);
        assertThat(split.spec().get("ways").asInt()).isEqualTo(3);
        assertThat(split.send()).isEmpty();
        assertThat(split.delay()).isEmpty();
    }

    @Test
    void nullStagesBecomeAnEmptyList() {
        answer(200, """
                {"data":[{"id":"wf-1","config":{"name":"","stages":null},
                          "createdAt":"2026-04-28T10:00:00Z","updatedAt":"2026-04-28T10:00:00Z","deletedAt":null}]}
                """);

        Workflow workflow = client.listWorkflows().get(0);

        assertThat(workflow.config().stages()).isNotNull().isEmpty();
    }

    @Test
    void aStageNumberWrittenAsADecimalIsRead() {
        answer(200, """
                {"data":{"workflowID":"wf-1","id":"inst-1","terminated":false,
                 "createdAt":"2026-04-28T10:00:00Z","updatedAt":"2026-04-28T10:00:00Z",
                 "status":[{"stage":1.0,"instanceID":"inst-1","startedAt":"2026-04-28T10:00:00Z"}]}}
                """);

        WorkflowInstance instance = client.getInstance("inst-1");

        assertThat(instance.status().get(0).stageNumber()).isEqualTo(1);
    }

    private static void answer(int status, String body) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
