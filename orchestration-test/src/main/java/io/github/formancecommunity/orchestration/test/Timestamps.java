package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Server time: the configured clock, truncated to microseconds like values read back from Postgres. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** RFC 3339 in UTC with a trailing {@code Z}, as Go renders {@code time.Time}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
