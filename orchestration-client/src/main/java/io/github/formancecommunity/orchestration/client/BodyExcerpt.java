package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import feign.Response;

/** Reads bodies for error handling without ever holding or printing more than a bounded amount. */
final class BodyExcerpt {

    /** The most of an error body that is read. */
    static final int MAX_ERROR_BODY = 64 * 1024;
    /** The most of a body that appears in an exception message. */
    static final int MAX_EXCERPT = 200;

    private BodyExcerpt() {
    }

    static byte[] readBounded(Response response, int limit) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(limit);
            return bytes;
        }
    }

    static String excerpt(byte[] body) {
        return excerpt(body, TokenRedaction.of(null));
    }

    /** The first {@link #MAX_EXCERPT} characters of the body, with the request's token masked. */
    static String excerpt(byte[] body, TokenRedaction redaction) {
        if (body.length == 0) {
            return "";
        }
        // read past the cut by the token's length, so that a token straddling it is masked whole
        int length = Math.min(body.length, MAX_EXCERPT + redaction.margin());
        String text = redaction.apply(new String(Arrays.copyOf(body, length), StandardCharsets.UTF_8))
                .replaceAll("[\\r\\n\\t]+", " ").strip();
        boolean cut = body.length > MAX_EXCERPT;
        if (text.length() > MAX_EXCERPT) {
            text = text.substring(0, MAX_EXCERPT);
        }
        return cut ? text + "... (" + body.length + "+ bytes)" : text;
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (truncated)";
    }

    static String contentType(Response response) {
        // A plain loop: this runs for every response, and a stream pipeline allocates a dozen objects.
        for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
            if ("Content-Type".equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    return value;
                }
            }
        }
        return null;
    }

    static boolean isJson(String contentType) {
        return contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }
}
