package io.github.formancecommunity.orchestration.test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Server time. Values the real server reads back from Postgres have microseconds ({@link #now}); values it
 * answers straight from memory or from Temporal's history keep the clock's nanoseconds ({@link #exact}). Both are
 * written as Go writes {@code time.Time}: RFC 3339 with the fraction's trailing zeros trimmed and a {@code Z}.
 */
final class Timestamps {

    private static final java.util.regex.Pattern RFC3339 = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /** The clock's time as stored in Postgres (microseconds). */
    static Instant now(Clock clock) {
        return stored(clock.instant());
    }

    /** The clock's time with all its digits, as Go's {@code time.Now()} keeps it in memory. */
    static Instant exact(Clock clock) {
        return clock.instant();
    }

    /** The instant as a Postgres {@code timestamp} column keeps it. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** go-libs {@code time.ParseTime}: the instant rounded to the microsecond, halfway values up, as Go's Round. */
    static Instant roundedToMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return instant.getNano() % 1_000 >= 500 ? truncated.plusNanos(1_000) : truncated;
    }

    /**
     * Go's {@code time.Parse(time.RFC3339Nano, text)} followed by go-libs' rounding to the microsecond:
     * {@code T} and {@code Z} upper-case, seconds required, the offset as {@code ±hh:mm}; {@code null} when Go
     * refuses the text.
     */
    static Instant parseRfc3339(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return null;
        }
        try {
            return roundedToMicros(OffsetDateTime.parse(text).toInstant());
        }
        catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    /** {@code time.RFC3339Nano} in UTC, as Go's {@code time.Time.MarshalJSON} writes it. */
    static String format(Instant instant) {
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(35);
        int year = utc.getYear();
        pad(text, year, 4);
        text.append('-');
        pad(text, utc.getMonthValue(), 2);
        text.append('-');
        pad(text, utc.getDayOfMonth(), 2);
        text.append('T');
        pad(text, utc.getHour(), 2);
        text.append(':');
        pad(text, utc.getMinute(), 2);
        text.append(':');
        pad(text, utc.getSecond(), 2);
        int nanos = utc.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.append('Z').toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
