package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class OpenEnumTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void everySpecSchemeMapsToItsConstant() {
        List<String> wire = List.of("visa", "mastercard", "amex", "diners", "discover", "jcb", "unionpay",
                "sepa debit", "sepa credit", "sepa", "apple pay", "google pay", "a2a", "ach debit", "ach", "rtp",
                "unknown", "other");

        List<PaymentScheme> schemes = mapper.readValue(mapper.writeValueAsString(wire),
                new TypeReference<List<PaymentScheme>>() { });

        assertThat(schemes).allMatch(PaymentScheme::isKnown);
        assertThat(schemes).extracting(PaymentScheme::value).containsExactlyElementsOf(wire);
        assertThat(schemes.get(7)).isSameAs(PaymentScheme.SEPA_DEBIT);
        assertThat(schemes.get(10)).isSameAs(PaymentScheme.APPLE_PAY);
        assertThat(schemes.get(16)).isSameAs(PaymentScheme.UNKNOWN);
    }

    @Test
    void connectorsAndStatusesAndTypes() {
        assertThat(Connector.of("CURRENCY-CLOUD")).isSameAs(Connector.CURRENCY_CLOUD);
        assertThat(Connector.of("BANKING-CIRCLE")).isSameAs(Connector.BANKING_CIRCLE);
        assertThat(Connector.of("MONEYCORP").isKnown()).isTrue();
        assertThat(Connector.of("stripe").isKnown()).isFalse();
        assertThat(PaymentStatus.of("CANCELLED")).isSameAs(PaymentStatus.CANCELLED);
        assertThat(PaymentType.of("OTHER")).isSameAs(PaymentType.OTHER);
        assertThat(PaymentType.of(null)).isNull();
        assertThat(mapper.writeValueAsString(PaymentType.PAY_IN)).isEqualTo("\"PAY-IN\"");
        assertThat(new PaymentStatus("ACTIVE").isKnown()).isTrue();
        assertThat(new PaymentStatus("ACTIVE")).isEqualTo(PaymentStatus.ACTIVE);
    }
}
