package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        String text = TextTable.of("operation", "result", "ms>")
                .row("getInstance", "ok", 5)
                .row("listWorkflows", null, 120)
                .render("  ");

        assertThat(text).isEqualTo("""
                  operation      result   ms
                  -------------  ------  ---
                  getInstance    ok        5
                  listWorkflows  -       120
                """);
    }
}
