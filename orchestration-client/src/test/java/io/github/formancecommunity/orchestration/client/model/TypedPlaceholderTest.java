package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Placeholders in the typed stage records: built without raw JSON, written as strings, read back typed. */
class TypedPlaceholderTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void anAmountPlaceholderIsWrittenAsAStringAndReadBack() {
        StageSend send = StageSend.of(Monetary.of("EUR/2", "${amount}"), StageSendSource.ofAccount("world", null),
                StageSendDestination.ofWallet("${wallet}"));

        WorkflowStage stage = WorkflowStage.send(send);

        assertThat(stage.spec().get("amount").get("amount").isString()).isTrue();
        assertThat(stage.spec().get("amount").get("amount").stringValue()).isEqualTo("${amount}");
        assertThat(stage.send()).contains(send);
        WorkflowStage decoded = mapper.readValue(mapper.writeValueAsString(stage), WorkflowStage.class);
        assertThat(decoded.send().orElseThrow().amount().amountPlaceholder()).isEqualTo("${amount}");
        assertThat(decoded.send().orElseThrow().destination().wallet().id()).isEqualTo("${wallet}");
        assertThat(decoded).isEqualTo(stage);
    }

    @Test
    void aNumericAmountStaysANumber() {
        assertThat(Monetary.of("EUR/2", "12345678901234567890123")).isEqualTo(
                new Monetary("EUR/2", new BigInteger("12345678901234567890123")));
        assertThat(Monetary.of("EUR/2", "100").toJson().get("amount").isNumber()).isTrue();
        assertThat(Monetary.of("EUR/2", "100").hasPlaceholder()).isFalse();
    }

    @Test
    void anAmountThatIsNeitherAnIntegerNorAPlaceholderIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Monetary.of("EUR/2", "12.5"))
                .withMessageContaining("amount must be a decimal integer or hold a ${variable} placeholder")
                .withMessageContaining("\"12.5\"");
        assertThatIllegalArgumentException().isThrownBy(() -> new Monetary("EUR/2", BigInteger.ONE, "${amount}"))
                .withMessageContaining("both a value and a placeholder");
    }

    @Test
    void booleansDatesAndMetadataTakePlaceholders() {
        StageSend send = new StageSend(Monetary.of("EUR/2", 100),
                new StageSendDestination(null, new StageSendAccount("users:${id}", "${ledger}", "${through}", null,
                        "${overdraft}"), null),
                new StageSendSource(null, null,
                        new StageSendSourcePayment("${payment}", null, null, null, null, "${overdraft}")),
                Map.of("order", "${order}"), null).withTimestamp("${date}");

        JsonNode json = WorkflowStage.send(send).spec();

        assertThat(json.get("destination").get("account").get("allowOverdraft").stringValue())
                .isEqualTo("${overdraft}");
        assertThat(json.get("source").get("payment").get("allowOverdraft").stringValue()).isEqualTo("${overdraft}");
        assertThat(json.get("timestamp").stringValue()).isEqualTo("${date}");
        assertThat(json.get("metadata").get("order").stringValue()).isEqualTo("${order}");
        assertThat(WorkflowStage.of("send", json).send()).contains(send);
        assertThatIllegalArgumentException().isThrownBy(() -> send.withTimestamp("tomorrow"))
                .withMessageContaining("timestamp must be a date-time or hold a ${variable} placeholder");
    }

    @Test
    void theServersStringFormsOfNumbersAndBooleansReadTyped() {
        JsonNode spec = mapper.readTree("{\"amount\":{\"asset\":\"EUR/2\",\"amount\":\"250\"},"
                + "\"source\":{\"account\":{\"id\":\"world\",\"allowOverdraft\":\"TRUE\"}},"
                + "\"destination\":{\"account\":{\"id\":\"bank\"}},\"timestamp\":null}");

        StageSend send = WorkflowStage.of("send", spec).send().orElseThrow();

        assertThat(send.amount().amount()).isEqualTo(BigInteger.valueOf(250));
        assertThat(send.source().account().allowOverdraft()).isTrue();
        assertThat(send.timestamp()).isNull();
    }

    @Test
    void aDelayUntilAPlaceholderOrADate() {
        StageDelay later = StageDelay.ofUntil("${date}");
        StageDelay fixed = StageDelay.ofUntil(OffsetDateTime.parse("2026-05-01T00:00:00+02:00"));

        assertThat(WorkflowStage.delay(later).spec().toString()).isEqualTo("{\"until\":\"${date}\"}");
        assertThat(WorkflowStage.delay(fixed).spec().toString())
                .isEqualTo("{\"until\":\"2026-05-01T00:00:00+02:00\"}");
        assertThat(WorkflowStage.delay(later).delay()).contains(later);
        assertThatIllegalArgumentException().isThrownBy(() -> StageDelay.ofUntil("2026-05-01"))
                .withMessageContaining("until must be a date-time or hold a ${variable} placeholder");
    }

    @Test
    void aValueThatDoesNotFitLeavesTheTypedViewEmptyAndTheRawJsonIntact() {
        JsonNode spec = mapper.readTree("{\"amount\":{\"asset\":\"EUR/2\",\"amount\":\"lots\"}}");

        WorkflowStage stage = WorkflowStage.of("send", spec);

        assertThat(stage.send()).isEmpty();
        assertThat(stage.spec()).isEqualTo(spec);
    }
}
