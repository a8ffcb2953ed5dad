package io.github.formancecommunity.orchestration.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Argument checks that fail before any request is sent. */
final class Arguments {

    private static final int MAX_SHOWN = 100;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Arguments() {
    }

    static String requireId(String value, String name, OrchestrationOperation operation) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be "
                    + (value == null ? "null" : "blank"));
        }
        if (value.equals(".") || value.equals("..")) {
            // Ids are path segments; a dot segment would address another resource once the path is normalised.
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be '" + value
                    + "'");
        }
        return value;
    }

    /**
     * Checks an id that goes into the URL path (see {@link #requireId}) and returns it percent-encoded (see
     * {@link #encoded(String)}): whatever it holds ({@code /}, {@code %}, {@code ?}, control characters), the
     * server receives it verbatim as one path segment.
     */
    static String requirePathId(String value, String name, OrchestrationOperation operation) {
        return encoded(requireId(value, name, operation));
    }

    /** A query parameter value ready for Feign's expansion (see {@link #encoded(String)}); {@code null} stays. */
    static String queryValue(String value) {
        return value == null ? null : encoded(value);
    }

    static <T> T requireBody(T body, String name, OrchestrationOperation operation) {
        if (body == null) {
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be null");
        }
        return body;
    }

    /** Checks that no variable name or value is null (the server's type is a map of strings). */
    static Map<String, String> requireVariables(Map<String, String> variables, OrchestrationOperation operation) {
        if (variables == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getKey() == null) {
                throw new IllegalArgumentException(operation.operationId()
                        + ": variables must not hold a null name");
            }
            if (variable.getValue() == null) {
                throw new IllegalArgumentException(operation.operationId()
                        + ": variables must not hold a null value (variable '" + shown(variable.getKey()) + "')");
            }
        }
        return variables;
    }

    /**
     * The value with every character but the unreserved ones ({@code A-Z a-z 0-9 - . _ ~}) percent-encoded as
     * UTF-8. Feign leaves a value that is already fully encoded as it is, but passes a {@code %XX} sequence of a
     * value that is not through undecoded: an id or a search text holding {@code %2F} or {@code %26} would reach
     * the server as {@code /} or {@code &}. Encoding everything here makes the value reach the server verbatim.
     */
    static String encoded(String value) {
        StringBuilder text = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                text.append((char) c);
            }
            else {
                text.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return text.toString();
    }

    private static String shown(String value) {
        StringBuilder text = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN).forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            }
            else {
                text.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > MAX_SHOWN ? text + "..." : text.toString();
    }
}
