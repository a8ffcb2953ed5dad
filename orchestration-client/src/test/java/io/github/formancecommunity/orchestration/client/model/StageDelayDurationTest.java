package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StageDelay} and Go durations: Go's {@code Duration.String()} and {@code time.ParseDuration} rules. */
class StageDelayDurationTest {

    @ParameterizedTest
    @CsvSource({
            "PT0S, 0s", "PT1H30M, 1h30m0s", "PT1.5S, 1.5s", "PT0.25S, 250ms", "PT0.0000015S, 1.5\u00b5s",
            "PT0.000000001S, 1ns", "PT24H, 24h0m0s", "PT-1M, -1m0s", "PT59.999999999S, 59.999999999s",
            "PT1M0.1S, 1m0.1s", "PT2562047H47M16.854775807S, 2562047h47m16.854775807s"})
    void aJavaDurationIsRenderedAsGoPrintsIt(Duration duration, String go) {
        assertThat(StageDelay.ofDuration(duration).duration()).isEqualTo(go);
    }

    @Test
    void aDurationBeyondGosRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> StageDelay.ofDuration(Duration.ofDays(300 * 365)))
                .withMessageContaining("out of the server's range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5s", "1h30m", "1h0m0s", "1.5h", ".5s", "5.s", "-1m", "+3ms", "0", "-0", "250us",
            "250\u00b5s", "250\u03bcs", "1h2m3s4ms5us6ns", "${wait}", "${minutes}m", "9223372036854775807ns"})
    void goDurationsAndPlaceholdersAreAccepted(String text) {
        assertThat(StageDelay.ofDuration(text).duration()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "5", "", "1d", "s", ".s", "1 h", "1h 30m", "-", "1e3s", "9223372036854775808ns",
            "${}"})
    void otherTextIsRefusedWhenTheStageIsBuilt(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> StageDelay.ofDuration(text))
                .withMessageContaining("is not a Go duration (such as 90s, 1h30m, 1.5s or 250ms")
                .withMessageContaining("nor a ${variable} placeholder");
    }

    @Test
    void whatIsRenderedParsesBackToTheSameDuration() {
        Random random = new Random(20261206L);
        for (int i = 0; i < 2000; i++) {
            Duration duration = Duration.ofNanos(random.nextLong() >> random.nextInt(64));
            StageDelay delay = StageDelay.ofDuration(duration);
            assertThat(delay.durationValue()).as(delay.duration()).contains(duration);
        }
    }
}
