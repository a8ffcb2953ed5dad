package io.github.formancecommunity.orchestration.client.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Go's {@code time.Duration} text form, as the server parses ({@code time.ParseDuration}) and prints it
 * ({@code Duration.String()}): a sequence of decimal numbers with a unit ({@code ns}, {@code us}/{@code µs},
 * {@code ms}, {@code s}, {@code m}, {@code h}), optionally signed, e.g. {@code 1h30m0s}, {@code 1.5s},
 * {@code 250ms}; {@code 0} alone is zero. The value must fit Go's signed 64-bit nanoseconds.
 */
final class GoDuration {

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_NANOS = BigInteger.valueOf(Long.MIN_VALUE);
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** The duration in Go's canonical form, the one the server echoes (e.g. {@code 1h30m0s}, {@code 1.5s}). */
    static String format(Duration duration) {
        long nanos = toNanos(duration);
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Go formats the absolute value as an unsigned 64-bit number; Long.MIN_VALUE stays exact that way
        BigInteger u = BigInteger.valueOf(nanos).abs();
        StringBuilder text = new StringBuilder();
        if (u.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) {
            long v = u.longValue();
            if (v < 1_000L) {
                text.append(v).append("ns");
            }
            else if (v < 1_000_000L) {
                text.append(fraction(v, 3)).append("\u00b5s");
            }
            else {
                text.append(fraction(v, 6)).append("ms");
            }
        }
        else {
            BigInteger[] secondsAndNanos = u.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
            long seconds = secondsAndNanos[0].longValue();
            long subSecond = secondsAndNanos[1].longValue();
            text.append(fraction(seconds % 60 * 1_000_000_000L + subSecond, 9)).append('s');
            long minutes = seconds / 60;
            if (minutes > 0) {
                text.insert(0, minutes % 60 + "m");
                long hours = minutes / 60;
                if (hours > 0) {
                    text.insert(0, hours + "h");
                }
            }
        }
        return negative ? "-" + text : text.toString();
    }

    /** {@code value / 10^digits} with the trailing zeros of the fraction (and a bare dot) left out. */
    private static String fraction(long value, int digits) {
        return new BigDecimal(BigInteger.valueOf(value), digits).stripTrailingZeros().toPlainString();
    }

    /** The nanoseconds of a duration, refused when it does not fit Go's {@code time.Duration}. */
    static long toNanos(Duration duration) {
        BigInteger nanos = BigInteger.valueOf(duration.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(duration.getNano()));
        if (nanos.compareTo(MAX_NANOS) > 0 || nanos.compareTo(MIN_NANOS) < 0) {
            throw new IllegalArgumentException("delay duration " + duration
                    + " is out of the server's range (Go durations hold about 292 years)");
        }
        return nanos.longValueExact();
    }

    /** The duration a Go duration text denotes, or {@code null} when the text is not one. */
    static @Nullable Duration parse(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == text.length()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                i++;
            }
            boolean leading = i > start;
            int dot = i;
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                    i++;
                }
            }
            boolean trailing = i > dot + 1;
            if (!leading && !trailing) {
                return null;
            }
            String number = text.substring(start, i);
            int unitStart = i;
            while (i < text.length() && text.charAt(i) != '.' && !(Character.isDigit(text.charAt(i))
                    && text.charAt(i) < 128)) {
                i++;
            }
            Long unit = UNITS.get(text.substring(unitStart, i));
            if (unit == null) {
                return null;
            }
            String digits = number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number;
            total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)));
        }
        BigInteger nanos = total.toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0 && !(negative && nanos.equals(MAX_NANOS.add(BigInteger.ONE)))) {
            return null;
        }
        BigInteger signed = negative ? nanos.negate() : nanos;
        return Duration.ofNanos(signed.longValueExact());
    }
}
