package io.github.formancecommunity.orchestration.client.model;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads every date-time RFC 3339 allows (the spec's {@code format: date-time}), including what
 * {@link OffsetDateTime#parse} refuses: a lower-case {@code t}/{@code z} or a space as separator, more than nine
 * fraction digits (cut to nanoseconds), a leap second ({@code :60}, read as the next second) and offsets beyond
 * ±18:00 (read as the same instant in UTC).
 */
final class RfcDateTime {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

    private RfcDateTime() {
    }

    static OffsetDateTime parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an RFC 3339 date-time: \"" + text + "\"");
        }
        try {
            int second = Integer.parseInt(m.group(6));
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0
                    : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Math.min(second, 59), nanos);
            if (second == 60) {
                local = local.plusSeconds(1);
            }
            if (m.group(8) != null) {
                return OffsetDateTime.of(local, ZoneOffset.UTC);
            }
            int sign = "-".equals(m.group(9)) ? -1 : 1;
            int offsetSeconds = sign * (Integer.parseInt(m.group(10)) * 3600 + Integer.parseInt(m.group(11)) * 60);
            if (Math.abs(offsetSeconds) <= 18 * 3600) {
                return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds));
            }
            return OffsetDateTime.of(local.minusSeconds(offsetSeconds), ZoneOffset.UTC);
        }
        catch (DateTimeException | NumberFormatException ex) {
            throw new IllegalArgumentException("not an RFC 3339 date-time: \"" + text + "\"", ex);
        }
    }

    /**
     * The Jackson side of {@link #parse(String)}, for the date-time fields of the response models; what is not
     * RFC 3339 text (an epoch number) is left to Jackson's standard reading.
     */
    static final class Deserializer extends StdDeserializer<OffsetDateTime> {

        Deserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return parse(p.getString());
                }
                catch (IllegalArgumentException ex) {
                    // not RFC 3339: Jackson's own reading decides, and names the field when it fails too
                }
            }
            ValueDeserializer<Object> standard = ctxt.findRootValueDeserializer(
                    ctxt.constructType(OffsetDateTime.class));
            return (OffsetDateTime) standard.deserialize(p, ctxt);
        }
    }
}
