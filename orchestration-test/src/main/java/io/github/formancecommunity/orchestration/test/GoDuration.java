package io.github.formancecommunity.orchestration.test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Go's {@code time.Duration} text form: parsing ({@code 5s}, {@code 1m30s}, {@code 250ms}, {@code 1.5h}) and the
 * canonical rendering ({@code 1h0m0s}) that the real server writes back into history inputs.
 */
final class GoDuration {

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * Parses a Go duration string.
     *
     * @throws IllegalArgumentException with Go's message {@code time: invalid duration "..."}
     */
    static Duration parse(String text) {
        if (text == null) {
            throw invalid("null");
        }
        String s = text;
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == s.length()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            long unitNanos = unitNanos(s.substring(unitStart, i), text);
            BigDecimal value = new BigDecimal(number.startsWith(".") ? "0" + number
                    : number.endsWith(".") ? number + "0" : number);
            total = total.add(value.multiply(BigDecimal.valueOf(unitNanos)));
        }
        BigInteger nanos = total.toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw invalid(text);
        }
        long value = nanos.longValueExact();
        return Duration.ofNanos(negative ? -value : value);
    }

    private static long unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "" -> throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            default -> throw new IllegalArgumentException(
                    "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        };
    }

    /** Go's {@code Duration.String()}: {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 1m30s}, {@code 1h0m0s}. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u == 0) {
            return "0s";
        }
        if (u < 1_000L) {
            return sign + u + "ns";
        }
        if (u < 1_000_000L) {
            return sign + decimal(u, 1_000L, 3) + "\u00b5s";
        }
        if (u < 1_000_000_000L) {
            return sign + decimal(u, 1_000_000L, 6) + "ms";
        }
        long minutes = u / 60_000_000_000L;
        String text = decimal(u % 60_000_000_000L, 1_000_000_000L, 9) + "s";
        if (minutes > 0) {
            text = (minutes % 60) + "m" + text;
            if (minutes >= 60) {
                text = (minutes / 60) + "h" + text;
            }
        }
        return sign + text;
    }

    private static String decimal(long value, long divisor, int digits) {
        long whole = value / divisor;
        long fraction = value % divisor;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String text = String.format("%0" + digits + "d", fraction);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + text.substring(0, end);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
