package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.Locale;

/** Durations and sizes as messages show them: {@code 35 s}, {@code 1.250 s}, {@code 250 ms}, {@code 32 MiB}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return String.format(Locale.ROOT, "%.3f s", millis / 1_000.0);
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
