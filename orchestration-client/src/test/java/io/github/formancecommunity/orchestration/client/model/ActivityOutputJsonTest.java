package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ActivityOutputJsonTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void createTransactionOutputAsTheServerSendsIt() {
        String json = """
                {"CreateTransaction":{"data":[{"id":0,"txid":7,"postings":[
                  {"amount":100,"asset":"EUR/2","destination":"users:001","source":"world"}],
                  "metadata":{},"timestamp":"2026-04-28T10:00:01.654321Z","reverted":false,
                  "postCommitVolumes":{"world":{"EUR/2":{"input":0,"output":100}}},"insertedAt":"2026-04-28T10:00:01Z"}]}}
                """;

        CreateTransactionResponse response =
                mapper.readValue(json, WorkflowInstanceHistoryStageOutput.class).createTransaction();

        assertThat(response.data()).hasSize(1);
        Transaction tx = response.data().get(0);
        assertThat(tx.id()).isEqualTo(BigInteger.ZERO);
        assertThat(tx.txid()).isEqualTo(BigInteger.valueOf(7));
        assertThat(tx.transactionId()).isEqualTo(BigInteger.valueOf(7));
        assertThat(tx.reverted()).isFalse();
        assertThat(tx.metadata()).isEmpty();
        assertThat(tx.timestamp()).isEqualTo(OffsetDateTime.parse("2026-04-28T10:00:01.654321Z"));
        assertThat(tx.postings()).extracting(Posting::amount).containsExactly(BigInteger.valueOf(100));
    }

    @Test
    void createTransactionOutputAsTheSpecDescribesIt() {
        String json = """
                {"data":{"id":18446744073709551616,"postings":[],"metadata":{"a":"b"},
                 "timestamp":"2026-04-28T10:00:01+02:00","reverted":true,"reference":"ref:9"}}
                """;

        CreateTransactionResponse response = mapper.readValue(json, CreateTransactionResponse.class);

        assertThat(response.data()).hasSize(1);
        Transaction tx = response.data().get(0);
        assertThat(tx.txid()).isNull();
        assertThat(tx.transactionId()).isEqualTo(new BigInteger("18446744073709551616"));
        assertThat(tx.reverted()).isTrue();
        assertThat(tx.reference()).isEqualTo("ref:9");
        assertThat(tx.timestamp().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void transactionIdHelperIsNotWritten() {
        Transaction tx = new Transaction(null, null, null, null, BigInteger.ONE, null, null);

        JsonNode written = mapper.valueToTree(tx);

        assertThat(written.propertyNames()).containsExactly("id");
    }

    @Test
    void paymentWithKnownEnumValuesUsesTheConstants() {
        String json = """
                {"data":{"id":"pay-1","reference":"py_123","sourceAccountID":"src","destinationAccountID":"dst",
                 "connectorID":"conn-1","provider":"DUMMY-PAY","type":"PAY-IN","status":"SUCCEEDED",
                 "initialAmount":123456789012345678901234567890,"scheme":"sepa debit","asset":"EUR/2",
                 "createdAt":"2026-04-28T10:00:00Z","raw":null,"adjustments":[
                  {"status":"PENDING","amount":10,"date":"2026-04-28T10:00:00Z","raw":{"k":1},"absolute":true}],
                 "metadata":{"key":"value"}}}
                """;

        Payment payment = mapper.readValue(json, PaymentResponse.class).data();

        assertThat(payment.provider()).isSameAs(Connector.DUMMY_PAY);
        assertThat(payment.type()).isSameAs(PaymentType.PAY_IN);
        assertThat(payment.status()).isSameAs(PaymentStatus.SUCCEEDED);
        assertThat(payment.scheme()).isSameAs(PaymentScheme.SEPA_DEBIT);
        assertThat(payment.initialAmount()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(payment.raw().isNull()).as("JSON null is kept as a NullNode").isTrue();
        assertThat(payment.adjustments()).singleElement().satisfies(adj -> {
            assertThat(adj.status()).isSameAs(PaymentStatus.PENDING);
            assertThat(adj.amount()).isEqualTo(BigInteger.TEN);
            assertThat(adj.absolute()).isTrue();
            assertThat(adj.raw().get("k").asInt()).isEqualTo(1);
        });
        assertThat(payment.metadata()).containsExactly(Map.entry("key", "value"));
    }

    @Test
    void paymentWithUnknownEnumValuesKeepsThemRaw() {
        String json = """
                {"id":"pay-2","reference":"r","sourceAccountID":"s","destinationAccountID":"d","connectorID":"c",
                 "provider":"ADYEN","type":"REFUND","status":"EXPIRED","initialAmount":5,"scheme":"cartes bancaires",
                 "asset":"EUR/2","createdAt":"2026-04-28T10:00:00Z","raw":{},"adjustments":[],"metadata":null}
                """;

        Payment payment = mapper.readValue(json, Payment.class);

        assertThat(payment.provider().value()).isEqualTo("ADYEN");
        assertThat(payment.provider().isKnown()).isFalse();
        assertThat(payment.type().value()).isEqualTo("REFUND");
        assertThat(payment.type().isKnown()).isFalse();
        assertThat(payment.status().value()).isEqualTo("EXPIRED");
        assertThat(payment.status().isKnown()).isFalse();
        assertThat(payment.scheme().value()).isEqualTo("cartes bancaires");
        assertThat(payment.scheme().isKnown()).isFalse();
        assertThat(payment.metadata()).isNull();
        assertThat(mapper.valueToTree(payment).get("scheme").stringValue()).isEqualTo("cartes bancaires");
    }

    @Test
    void getAccountOutputWithVolumes() {
        String json = """
                {"GetAccount":{"data":{"address":"users:001","metadata":{"role":"user"},
                 "volumes":{"EUR/2":{"input":100,"output":20,"balance":80}},
                 "effectiveVolumes":{"EUR/2":{"input":100,"output":20}}}}}
                """;

        Account account = mapper.readValue(json, WorkflowInstanceHistoryStageOutput.class).getAccount().data();

        assertThat(account.address()).isEqualTo("users:001");
        assertThat(account.volumes().get("EUR/2")).isEqualTo(
                new Volume(BigInteger.valueOf(100), BigInteger.valueOf(20), BigInteger.valueOf(80)));
        assertThat(account.effectiveVolumes().get("EUR/2").balance()).isNull();
    }

    @Test
    void walletOutputs() {
        String getWallet = """
                {"data":{"id":"8a6f2b4e-0000-4000-8000-000000000001","metadata":{},"name":"main-wallet",
                 "createdAt":"2026-04-28T10:00:00.5Z","ledger":"wallets-002",
                 "balances":{"main":{"assets":{"EUR/2":1.5e+3,"USD/2":99999999999999999999}}}}}
                """;
        String listWallets = """
                {"cursor":{"pageSize":15,"hasMore":false,"data":[{"id":"w1","metadata":{"a":"b"},"name":"n",
                 "createdAt":"2026-04-28T10:00:00Z","ledger":"wallets-002"}]}}
                """;
        String debitWallet = """
                {"data":{"id":"hold-1","walletID":"w1","metadata":{},"description":"d",
                 "destination":{"type":"ACCOUNT","identifier":"users:001"}}}
                """;

        WalletWithBalances wallet = mapper.readValue(getWallet, GetWalletResponse.class).data();
        WalletCursor cursor = mapper.readValue(listWallets, ListWalletsResponse.class).cursor();
        Hold hold = mapper.readValue(debitWallet, DebitWalletResponse.class).data();

        assertThat(wallet.balances().main().assets())
                .containsEntry("EUR/2", BigInteger.valueOf(1500))
                .containsEntry("USD/2", new BigInteger("99999999999999999999"));
        assertThat(cursor.pageSize()).isEqualTo(15L);
        assertThat(cursor.hasMore()).isFalse();
        assertThat(cursor.data()).extracting(Wallet::name).containsExactly("n");
        assertThat(hold.destination()).isEqualTo(LedgerAccountSubject.of("users:001"));
    }
}
