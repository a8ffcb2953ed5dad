package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;

class TriggerExpressionTest {

    private static final JsonNode EVENT = OrchestrationJson.mapper().readTree("""
            {"amount": 1500, "rate": 0.25, "status": "SUCCEEDED", "flag": true, "none": null,
             "metadata": {"user": "42", "odd-key": "x"}, "items": [{"id": "a"}, {"id": "b"}]}""");

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "event.amount > 1000 ; true",
            "event.amount >= 1500 && event.status == 'SUCCEEDED' ; true",
            "event.amount < 1000 || event.flag ; true",
            "not (event.amount == 1500) ; false",
            "!event.flag ; false",
            "event.rate == 0.25 and event.metadata.user == \"42\" ; true",
            "event.status != 'FAILED' ; true",
            "event.none == nil ; true",
            "event.missing == nil ; true",
            "event.metadata['odd-key'] == 'x' ; true",
            "event.items[1].id == 'b' ; true",
            "event.status > 'A' ; true",
            "event.amount ; false",
            "event.status > 1 ; false",
            "event.missing.deeper == 1 ; false"
    })
    void evaluatesFilters(String expression, boolean expected) {
        assertThat(TriggerExpression.compile(expression).matches(EVENT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "event.amount ; 1500",
            "event.rate ; 0.25",
            "event.metadata.user ; 42",
            "event.flag ; true",
            "event.none ; <nil>",
            "event.items[0] ; {\"id\":\"a\"}",
            "'literal' ; literal"
    })
    void rendersVariables(String expression, String expected) {
        assertThat(TriggerExpression.compile(expression).evaluateToString(EVENT)).isEqualTo(expected);
    }

    @Test
    void reportsRuntimeErrorsOfVariables() {
        assertThatThrownBy(() -> TriggerExpression.compile("event.missing.deeper").evaluateToString(EVENT))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot fetch deeper from <nil>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event.amount >", "(event.amount", "link(event, 'x')", "payload.amount", "event.",
            "'open", "event.amount + 1", "event.amount ~ 2"})
    void rejectsWhatItCannotCompile(String expression) {
        assertThatThrownBy(() -> TriggerExpression.compile(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("error compiling expression '" + expression + "': ");
    }
}
