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
            "event.missing.deeper == 1 ; false",
            "event.amount == 1500.0 ; true",
            "event.amount > 1499 and event.rate < 1 ; true",
            "event.status in ['SUCCEEDED', 'FAILED'] ; true",
            "event.status not in ['SUCCEEDED'] ; false",
            "'user' in event.metadata ; true",
            "event.status contains 'CEED' ; true",
            "event.status startsWith 'SUC' ; true",
            "event.status endsWith 'ED' ; true",
            "event.status matches '^S.*D$' ; true",
            "event.status not contains 'X' ; true",
            "event.none == nil && event.metadata != nil ; true",
            "len(event.items) == 2 ; true",
            "event.amount % 7 == 2 ; false",
            "int(event.amount) % 7 == 2 ; true",
            "-event.amount < 0 ; true",
            "2 ** 3 == 8 ; true"
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
            "event.items[0] ; map[id:a]",
            "event.amount + 1 ; 1501",
            "event.amount / 4 ; 375",
            "1 + 2 ; 3",
            "7 / 2 ; 3.5",
            "event.rate * 3 ; 0.75",
            "event.status + '-' + event.metadata.user ; SUCCEEDED-42",
            "replace(event.status, 'SUCC', 'X') ; XEEDED",
            "lower(event.status) ; succeeded",
            "upper('a') ; A",
            "trim('  a  ') ; a",
            "join(split('a,b,c', ','), '|') ; a|b|c",
            "len(event.items) ; 2",
            "len('abc') ; 3",
            "string(event.amount) ; 1500",
            "int(event.rate * 10) ; 2",
            "float('1.5') ; 1.5",
            "abs(-3) ; 3",
            "event.amount > 1000 ? 'big' : 'small' ; big",
            "event.none ?? 'fallback' ; fallback",
            "event.metadata ; map[odd-key:x user:42]",
            "split('a,b', ',') ; [a b]",
            "event.amount * 1000000000000000000 ; 1.5e+21",
            "event.missing?.deeper ; <nil>",
            "payload ; <nil>",
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

    @Test
    void reportsRuntimeErrorsWithExprLangWording() {
        assertThatThrownBy(() -> TriggerExpression.compile("event.status + 1").evaluateToString(EVENT))
                .hasMessage("invalid operation: + (mismatched types string and int)");
        assertThatThrownBy(() -> TriggerExpression.compile("int('x')").evaluateToString(EVENT))
                .isInstanceOf(IllegalStateException.class).hasMessage("strconv.Atoi: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> TriggerExpression.compile("int(event.status)").evaluateToString(EVENT))
                .hasMessage("strconv.Atoi: parsing \"SUCCEEDED\": invalid syntax");
    }

    @Test
    void compileErrorsHaveExprLangsShape() {
        assertThatThrownBy(() -> TriggerExpression.compile("event.amount >"))
                .hasMessage("error compiling expression 'event.amount >': unexpected token EOF (1:14)\n"
                        + " | event.amount >\n"
                        + " | .............^");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event.amount >", "(event.amount", "link(event, 'x')", "event.",
            "'open", "event.amount ~ 2", "len()", "len(1, 2)", "1 + 'a'", "all(event.items, {.id == 'a'})"})
    void rejectsWhatItCannotCompile(String expression) {
        assertThatThrownBy(() -> TriggerExpression.compile(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("error compiling expression '" + expression + "': ");
    }
}
