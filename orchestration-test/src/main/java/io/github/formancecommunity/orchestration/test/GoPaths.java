package io.github.formancecommunity.orchestration.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's {@code net/url} path escaping, which decides how chi sees a request path. */
final class GoPaths {

    private static final String HEX = "0123456789ABCDEF";

    private GoPaths() {
    }

    /** The decoded path, or {@code null} when it holds an invalid escape (Go then refuses the request). */
    static String unescape(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        byte[] source = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < source.length; i++) {
            byte b = source[i];
            if (b == '%') {
                if (i + 2 >= source.length || Character.digit(source[i + 1], 16) < 0
                        || Character.digit(source[i + 2], 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(source[i + 1], 16) * 16 + Character.digit(source[i + 2], 16));
                i += 2;
            }
            else {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Go's {@code escape(path, encodePath)}. */
    static String escape(String path) {
        StringBuilder text = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+,/:;=@".indexOf(c) >= 0)) {
                text.append((char) c);
            }
            else {
                text.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return text.toString();
    }
}
