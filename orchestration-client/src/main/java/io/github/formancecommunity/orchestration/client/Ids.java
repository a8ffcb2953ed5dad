package io.github.formancecommunity.orchestration.client;

import org.jspecify.annotations.Nullable;

/** The {@code name=value} text that names an id in a failure message, safe to log: bounded and printable. */
final class Ids {

    private static final int MAX_SHOWN = 64;

    private Ids() {
    }

    static String of(String name, @Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(name).append('=');
        int shown = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_SHOWN) {
            text.append("...");
        }
        return text.toString();
    }
}
