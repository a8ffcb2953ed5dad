package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models need no shared mapper: typed views come from the mapper that decodes the response (here a mapper
 * that differs from the client's defaults), or from JSON alone for stages; open enums compare by value; every
 * RFC 3339 date-time reads.
 */
class StandaloneModelTest {

    @Test
    void historyStageViewsAreReadByTheDecodingMapper() {
        JsonMapper own = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String json = "[{\"name\":\"GetAccount\",\"input\":{\"GetAccount\":{\"id\":\"world\",\"ledger\":\"default\"}},"
                + "\"output\":{\"GetAccount\":{\"data\":{\"address\":\"world\"}}},\"terminated\":true,"
                + "\"startedAt\":\"2026-04-28T10:11:12Z\",\"attempt\":99999999999999999999}]";

        List<WorkflowInstanceHistoryStage> stages = own.readValue(json,
                new TypeReference<List<WorkflowInstanceHistoryStage>>() { });

        WorkflowInstanceHistoryStage stage = stages.get(0);
        assertThat(stage.typedInput().orElseThrow().getAccount().ledger()).isEqualTo("default");
        assertThat(stage.typedOutput().orElseThrow().getAccount().data().address()).isEqualTo("world");
        assertThat(stage.attempt().intValue()).isEqualTo(Integer.MAX_VALUE);
        assertThat(stage.attemptNumber()).hasToString("99999999999999999999");
        tools.jackson.databind.JsonNode written = own.valueToTree(stage);
        assertThat(written).isEqualTo(own.readTree(json).get(0));
    }

    @Test
    void aStageBuiltFromRawJsonReadsTypedWithoutAnyMapper() {
        WorkflowStage stage = WorkflowStage.of(WorkflowStage.DELAY,
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("duration", "1h0m0s"));

        assertThat(stage.delay()).contains(StageDelay.ofDuration("1h0m0s"));
    }

    @Test
    void openEnumsCompareByValue() {
        assertThat(new ErrorCode("VALIDATION").isKnown()).isTrue();
        assertThat(new ErrorCode("CONFLICT").isKnown()).isFalse();
        assertThat(ErrorCode.of("INTERNAL")).isSameAs(ErrorCode.INTERNAL);
        assertThat(new TransferType("PAYOUT").isKnown()).isTrue();
        assertThat(List.<OpenEnum>of(ErrorCode.NOT_FOUND, Connector.STRIPE, PaymentScheme.SEPA,
                PaymentStatus.of("SUCCEEDED"), PaymentType.of("PAY-IN"), TransferType.TRANSFER))
                .allMatch(OpenEnum::isKnown);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-04-28t10:11:12z, 2026-04-28T10:11:12Z",
            "2026-04-28 10:11:12.123456789123+02:00, 2026-04-28T10:11:12.123456789+02:00",
            "2026-12-31T23:59:60Z, 2027-01-01T00:00:00Z",
            "2026-04-28T10:11:12+23:59, 2026-04-27T10:12:12Z",
            "0000-01-01T00:00:00-00:00, 0000-01-01T00:00:00Z"})
    void everyRfc3339DateTimeReads(String wire, String expected) {
        Workflow workflow = OrchestrationJson.mapper().readValue("{\"id\":\"w\",\"createdAt\":\"" + wire + "\"}",
                Workflow.class);

        assertThat(workflow.createdAt()).isEqualTo(OffsetDateTime.parse(expected));
        assertThat(workflow.createdAt().toInstant()).isEqualTo(OffsetDateTime.parse(expected)
                .withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}
