package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "5s, PT5S, 5s",
            "1m30s, PT1M30S, 1m30s",
            "250ms, PT0.25S, 250ms",
            "1h, PT1H, 1h0m0s",
            "1.5h, PT1H30M, 1h30m0s",
            "2h45m, PT2H45M, 2h45m0s",
            "90s, PT1M30S, 1m30s",
            "1.5s, PT1.5S, 1.5s",
            "0, PT0S, 0s",
            "10us, PT0.00001S, 10\u00b5s",
            "3ns, PT0.000000003S, 3ns",
            "-2s, PT-2S, -2s",
            "1h0m0.000000001s, PT1H0.000000001S, 1h0m0.000000001s"
    })
    void parsesAndRendersLikeGo(String text, String iso, String canonical) {
        Duration duration = GoDuration.parse(text);

        assertThat(duration).isEqualTo(Duration.parse(iso));
        assertThat(GoDuration.format(duration)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", "1x", "1..5s", "PT5S", "-", "9999999999h"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("time: ");
    }
}
