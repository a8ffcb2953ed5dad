package io.github.formancecommunity.orchestration.test;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites the string escapes of a serialized JSON document as Go's {@code json.Encoder} writes them: with its
 * default HTML escaping {@code <}, {@code >} and {@code &} become <code>&#92;u003c</code>,
 * <code>&#92;u003e</code> and <code>&#92;u0026</code>, U+2028 and U+2029 become <code>&#92;u2028</code> and
 * <code>&#92;u2029</code>, and the six-character escapes of control characters use lower-case hexadecimal digits.
 */
final class GoJsonEscapes {

    private GoJsonEscapes() {
    }

    static byte[] apply(byte[] json) {
        if (!needsRewrite(json)) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 16);
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            int b = json[i] & 0xFF;
            if (!inString) {
                out.write(b);
                inString = b == '"';
                continue;
            }
            switch (b) {
                case '"' -> {
                    out.write(b);
                    inString = false;
                }
                case '\\' -> {
                    out.write(b);
                    int next = json[++i] & 0xFF;
                    out.write(next);
                    if (next == 'u') {
                        for (int k = 0; k < 4; k++) {
                            out.write(Character.toLowerCase((char) (json[++i] & 0xFF)));
                        }
                    }
                }
                case '<' -> writeAscii(out, "\\u003c");
                case '>' -> writeAscii(out, "\\u003e");
                case '&' -> writeAscii(out, "\\u0026");
                case 0xE2 -> {
                    if (i + 2 < json.length && (json[i + 1] & 0xFF) == 0x80
                            && ((json[i + 2] & 0xFF) == 0xA8 || (json[i + 2] & 0xFF) == 0xA9)) {
                        writeAscii(out, (json[i + 2] & 0xFF) == 0xA8 ? "\\u2028" : "\\u2029");
                        i += 2;
                    }
                    else {
                        out.write(b);
                    }
                }
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean needsRewrite(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            int b = json[i] & 0xFF;
            if (b == '<' || b == '>' || b == '&' || b == 0xE2 || (b == '\\' && i + 1 < json.length && json[i + 1] == 'u')) {
                return true;
            }
        }
        return false;
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }
}
