package io.github.formancecommunity.orchestration.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Duration} written as a property value is usually typed: {@code -5s}, {@code 500ms}, {@code 2m}, rather
 * than {@code PT-5S}. Used to quote durations back in validation messages.
 */
final class DurationText {

    private static final long[] UNITS = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
            1_000_000L, 1_000L, 1L };
    private static final String[] SUFFIXES = { "d", "h", "m", "s", "ms", "us", "ns" };

    private DurationText() {
    }

    static String of(@Nullable Duration duration) {
        if (duration == null) {
            return "nothing";
        }
        if (duration.isZero()) {
            return "0s";
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        }
        catch (ArithmeticException ex) {
            return duration.toSeconds() + "s";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % UNITS[i] == 0) {
                return (nanos / UNITS[i]) + SUFFIXES[i];
            }
        }
        return nanos + "ns";
    }
}
