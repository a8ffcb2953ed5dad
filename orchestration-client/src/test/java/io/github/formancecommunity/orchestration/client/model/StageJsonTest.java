package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StageJsonTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void stageSendRoundTripOmitsNulls() {
        StageSend send = StageSend.of(Monetary.of("EUR/2", 100),
                StageSendSource.ofAccount("world", "default"), StageSendDestination.ofAccount("users:001", null));

        String json = mapper.writeValueAsString(send);

        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree("""
                {"amount":{"asset":"EUR/2","amount":100},
                 "destination":{"account":{"id":"users:001"}},
                 "source":{"account":{"id":"world","ledger":"default"}}}
                """));
        assertThat(json).doesNotContain("null", "timestamp", "metadata", "wallet", "payment");
        assertThat(mapper.readValue(json, StageSend.class)).isEqualTo(send);
    }

    @Test
    void sendHistoryInputAsTheServerSendsIt() {
        String json = """
                {"amount":{"amount":1.2345678901234568e+29,"asset":"EUR/2"},
                 "destination":{"payment":{"psp":"stripe","type":"PAYOUT","sourceAccount":"acc-1"}},
                 "source":{"account":{"allowOverdraft":false,"id":"world","ledger":"default","throughAccount":"world"}},
                 "timestamp":null}
                """;

        StageSend send = mapper.readValue(json, StageSend.class);

        assertThat(send.amount().amount()).isEqualTo(new BigInteger("123456789012345680000000000000"));
        assertThat(send.timestamp()).isNull();
        assertThat(send.source().account())
                .isEqualTo(new StageSendAccount("world", "default", "world", false));
        assertThat(send.destination().payment().type()).isSameAs(TransferType.PAYOUT);
        assertThat(send.destination().payment().sourceAccount()).isEqualTo("acc-1");
    }

    @Test
    void walletAndPaymentSidesAndMetadata() {
        StageSend send = mapper.readValue("""
                {"source":{"payment":{"id":"pay-1","holdingAccount":"payment:pay-1","allowOverdraft":true}},
                 "destination":{"wallet":{"id":"w1","balance":"main"}},
                 "metadata":{"order":"42"},"timestamp":"2026-04-28T10:00:00.123456789Z"}
                """, StageSend.class);

        assertThat(send.source().payment().holdingAccount()).isEqualTo("payment:pay-1");
        assertThat(send.source().payment().allowOverdraft()).isTrue();
        assertThat(send.destination().wallet()).isEqualTo(new StageSendWallet("w1", "main"));
        assertThat(send.metadata()).containsExactly(Map.entry("order", "42"));
        assertThat(send.timestamp().getNano()).isEqualTo(123456789);
    }

    @Test
    void unknownTransferTypeIsKept() {
        StageSendDestinationPayment payment = mapper.readValue(
                "{\"psp\":\"wise\",\"type\":\"INSTANT\"}", StageSendDestinationPayment.class);

        assertThat(payment.type().value()).isEqualTo("INSTANT");
        assertThat(payment.type().isKnown()).isFalse();
        assertThat(TransferType.of("TRANSFER")).isSameAs(TransferType.TRANSFER);
    }

    @Test
    void delayWaitEventAndUpdate() {
        StageDelay delay = mapper.readValue("{\"duration\":\"1h0m0s\"}", StageDelay.class);
        StageDelay until = mapper.readValue("{\"until\":\"2026-05-01T00:00:00Z\"}", StageDelay.class);
        StageWaitEvent wait = mapper.readValue("{\"event\":\"processed\"}", StageWaitEvent.class);
        StageUpdate update = mapper.readValue(
                "{\"account\":{\"id\":\"users:001\",\"ledger\":\"main\",\"metadata\":{\"kyc\":\"done\"}}}",
                StageUpdate.class);

        assertThat(delay).isEqualTo(StageDelay.ofDuration("1h0m0s"));
        assertThat(until).isEqualTo(StageDelay.ofUntil(OffsetDateTime.parse("2026-05-01T00:00:00Z")));
        assertThat(wait).isEqualTo(StageWaitEvent.of("processed"));
        assertThat(update).isEqualTo(StageUpdate.ofAccount("users:001", "main", Map.of("kyc", "done")));

        JsonNode written = mapper.valueToTree(StageDelay.ofDuration("5s"));
        assertThat(written.propertyNames()).containsExactly("duration");
        assertThat(written.get("duration").stringValue()).isEqualTo("5s");
    }
}
