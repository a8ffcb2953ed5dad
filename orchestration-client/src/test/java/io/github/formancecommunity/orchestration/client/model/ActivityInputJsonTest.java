package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ActivityInputJsonTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void createTransactionInputWithCapitalisedKeysAsTheServerSendsIt() {
        String json = """
                {"CreateTransaction":{"Ledger":"default","Data":{"postings":[
                  {"amount":123456789012345678901234567890,"asset":"EUR/2","destination":"users:001","source":"world"}]}}}
                """;

        WorkflowInstanceHistoryStageInput input = mapper.readValue(json, WorkflowInstanceHistoryStageInput.class);

        ActivityCreateTransaction tx = input.createTransaction();
        assertThat(tx).isNotNull();
        assertThat(tx.ledger()).isEqualTo("default");
        assertThat(tx.data().metadata()).isNull();
        assertThat(tx.data().postings()).containsExactly(new Posting(
                new BigInteger("123456789012345678901234567890"), "EUR/2", "users:001", "world"));
        assertThat(input.getAccount()).isNull();
        assertThat(input.addAccountMetadata()).isNull();
    }

    @Test
    void createTransactionInputWithSpecKeys() {
        String json = """
                {"ledger":"main","data":{"timestamp":"2026-04-28T10:00:00.123456Z","reference":"ref:1",
                 "metadata":{"k":"v"},"script":{"plain":"send [COIN 10] (source = @world destination = $user)",
                 "vars":{"user":"users:042","n":12345678901234567890}}}}
                """;

        ActivityCreateTransaction tx = mapper.readValue(json, ActivityCreateTransaction.class);

        assertThat(tx.ledger()).isEqualTo("main");
        assertThat(tx.data().timestamp()).isEqualTo(OffsetDateTime.parse("2026-04-28T10:00:00.123456Z"));
        assertThat(tx.data().reference()).isEqualTo("ref:1");
        assertThat(tx.data().metadata()).containsExactly(Map.entry("k", "v"));
        assertThat(tx.data().postings()).isNull();
        assertThat(tx.data().script().plain()).startsWith("send [COIN 10]");
        assertThat(tx.data().script().vars().get("user").stringValue()).isEqualTo("users:042");
        assertThat(tx.data().script().vars().get("n").bigIntegerValue())
                .isEqualTo(new BigInteger("12345678901234567890"));
    }

    @Test
    void addAccountMetadataReadsTheServerKeyAccount() {
        String json = """
                {"AddAccountMetadata":{"ledger":"default","account":"users:001","metadata":{"status":"active"}}}
                """;

        ActivityAddAccountMetadata add =
                mapper.readValue(json, WorkflowInstanceHistoryStageInput.class).addAccountMetadata();

        assertThat(add).isEqualTo(new ActivityAddAccountMetadata(
                "users:001", "default", Map.of("status", "active")));
    }

    @Test
    void addAccountMetadataReadsTheSpecKeyIdAndWritesId() {
        ActivityAddAccountMetadata add = mapper.readValue(
                "{\"id\":\"users:002\",\"ledger\":\"l\",\"metadata\":{}}", ActivityAddAccountMetadata.class);

        assertThat(add.id()).isEqualTo("users:002");
        JsonNode written = mapper.valueToTree(add);
        assertThat(written.has("id")).isTrue();
        assertThat(written.has("account")).isFalse();
    }

    @Test
    void exponentNotationAmountsDecodeToTheIntegerTheyDenote() {
        Monetary monetary = mapper.readValue(
                "{\"asset\":\"USD/2\",\"amount\":1.2345678901234568e+29}", Monetary.class);
        Posting posting = mapper.readValue(
                "{\"amount\":1E+3,\"asset\":\"USD/2\",\"destination\":\"a\",\"source\":\"world\"}", Posting.class);

        assertThat(monetary.amount()).isEqualTo(new BigInteger("123456789012345680000000000000"));
        assertThat(monetary.asset()).isEqualTo("USD/2");
        assertThat(posting.amount()).isEqualTo(BigInteger.valueOf(1000));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String json = """
                {"GetAccount":{"id":"users:001","ledger":"default","addedLater":{"x":[1,2]}},"SomeFutureActivity":{}}
                """;

        WorkflowInstanceHistoryStageInput input = mapper.readValue(json, WorkflowInstanceHistoryStageInput.class);

        assertThat(input.getAccount()).isEqualTo(new ActivityGetAccount("users:001", "default"));
    }

    @Test
    void walletActivitiesDecodeWithTheirSubjects() {
        String json = """
                {"CreditWallet":{"id":"wallet-1","data":{"amount":{"asset":"EUR/2","amount":250},
                 "metadata":{},"sources":[{"type":"ACCOUNT","identifier":"world"},
                 {"type":"WALLET","identifier":"wallet-2","balance":"main"}],"balance":"main"}}}
                """;

        ActivityCreditWallet credit = mapper.readValue(json, WorkflowInstanceHistoryStageInput.class).creditWallet();

        assertThat(credit.id()).isEqualTo("wallet-1");
        assertThat(credit.data().amount()).isEqualTo(Monetary.of("EUR/2", 250));
        assertThat(credit.data().sources()).containsExactly(
                LedgerAccountSubject.of("world"), WalletSubject.of("wallet-2", "main"));
    }

    @Test
    void historyInputWritesTheActivityNameAsKeyOnly() {
        WorkflowInstanceHistoryStageInput input = new WorkflowInstanceHistoryStageInput(
                null, null, null, null, null, null, new ActivityGetPayment("pay-1"), null, null, null,
                new ActivityGetWallet("w-1"), null, null);

        JsonNode written = mapper.valueToTree(input);

        assertThat(written.propertyNames()).containsExactlyInAnyOrder("GetPayment", "GetWallet");
        assertThat(written.at("/GetPayment/id").stringValue()).isEqualTo("pay-1");
        assertThat(mapper.treeToValue(written, WorkflowInstanceHistoryStageInput.class)).isEqualTo(input);
    }
}
