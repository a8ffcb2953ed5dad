package io.github.formancecommunity.orchestration.sample;

import java.time.Duration;

/** Formats durations the way the report shows them: {@code 250ms}, {@code 1.5s}, {@code 2m5s}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return (millis % 1000 == 0) ? (millis / 1000) + "s" : String.format(java.util.Locale.ROOT, "%.1fs",
                    millis / 1000.0);
        }
        return duration.toMinutes() + "m" + duration.toSecondsPart() + "s";
    }
}
