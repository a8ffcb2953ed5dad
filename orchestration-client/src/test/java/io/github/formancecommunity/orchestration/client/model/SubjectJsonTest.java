package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectJsonTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void accountType() {
        Subject subject = mapper.readValue("{\"type\":\"ACCOUNT\",\"identifier\":\"users:001\",\"extra\":1}",
                Subject.class);

        assertThat(subject).isInstanceOf(LedgerAccountSubject.class);
        assertThat(((LedgerAccountSubject) subject).identifier()).isEqualTo("users:001");
        assertThat(subject.type()).isEqualTo("ACCOUNT");
    }

    @Test
    void walletType() {
        Subject subject = mapper.readValue(
                "{\"identifier\":\"w1\",\"balance\":\"savings\",\"type\":\"WALLET\"}", Subject.class);

        assertThat(subject).isEqualTo(WalletSubject.of("w1", "savings"));
    }

    @Test
    void unknownOrMissingTypeDoesNotFail() {
        List<Subject> subjects = mapper.readValue(
                "[{\"type\":\"POOL\",\"identifier\":\"p1\",\"weight\":3},{\"identifier\":\"x\"},null]",
                new TypeReference<List<Subject>>() { });

        assertThat(subjects).hasSize(3);
        assertThat(subjects.get(0)).isInstanceOfSatisfying(UnknownSubject.class, unknown -> {
            assertThat(unknown.type()).isEqualTo("POOL");
            assertThat(unknown.raw().get("weight").asInt()).isEqualTo(3);
        });
        assertThat(subjects.get(1)).isInstanceOfSatisfying(UnknownSubject.class,
                unknown -> assertThat(unknown.type()).isNull());
        assertThat(subjects.get(2)).isNull();
    }

    @Test
    void subjectsAreWrittenWithTheirTypeAndUnknownOnesUnchanged() {
        String unknownJson = "{\"type\":\"POOL\",\"identifier\":\"p1\",\"weight\":3}";
        Subject unknown = mapper.readValue(unknownJson, Subject.class);

        JsonNode account = mapper.valueToTree(LedgerAccountSubject.of("users:001"));
        JsonNode wallet = mapper.valueToTree(WalletSubject.of("w1", null));

        assertThat(account.get("type").stringValue()).isEqualTo("ACCOUNT");
        assertThat(account.get("identifier").stringValue()).isEqualTo("users:001");
        assertThat(wallet.propertyNames()).containsExactlyInAnyOrder("type", "identifier");
        JsonNode unknownWritten = mapper.valueToTree(unknown);
        assertThat(unknownWritten).isEqualTo(mapper.readTree(unknownJson));
    }

    @Test
    void debitWalletRequestDestination() {
        DebitWalletRequest request = mapper.readValue("""
                {"amount":{"asset":"USD/2","amount":100},"pending":true,"metadata":{},
                 "destination":{"type":"WALLET","identifier":"w2"},"balances":["main","*"]}
                """, DebitWalletRequest.class);

        assertThat(request.destination()).isEqualTo(new WalletSubject("WALLET", "w2", null));
        assertThat(request.pending()).isTrue();
        assertThat(request.balances()).containsExactly("main", "*");
    }
}
