package io.github.formancecommunity.orchestration.client.model;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The server's {@code ${name}} interpolation: any string field of a stage may hold one or more placeholders,
 * replaced by the run's variables when the stage runs ({@code interpolate} of flows' {@code internal/schema}: a
 * dollar sign and an opening brace, one or more characters other than a closing brace, and the closing brace).
 * Fields that are not strings on the server (amounts, booleans, date-times, durations) are parsed after the
 * replacement.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

    private Placeholders() {
    }

    /** Whether the text holds at least one placeholder, so its value is only known when the stage runs. */
    static boolean isPlaceholder(@Nullable String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** The text when it holds a placeholder, else an {@link IllegalArgumentException} naming the field. */
    static String require(@Nullable String text, String field, String expected) {
        if (!isPlaceholder(text)) {
            throw new IllegalArgumentException(field + " must be " + expected
                    + " or hold a ${variable} placeholder, got "
                    + (text == null ? "null" : "\"" + text + "\""));
        }
        return text;
    }
}
