package io.github.formancecommunity.orchestration.test;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits on request bodies and the decoding of JSON bodies. A body larger than {@link #MAX_BODY_BYTES} is
 * answered 413; JSON nested deeper than {@link #MAX_DEPTH} is refused like Go refuses JSON deeper than 10,000
 * levels ({@code exceeded max depth}), so that a hostile body can neither exhaust the heap nor the stack.
 */
final class RequestBodies {

    /** The largest request body read (4 MiB); larger ones are answered 413. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** The deepest JSON nesting accepted. */
    static final int MAX_DEPTH = 1000;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonMapper SINGLE_VALUE_MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestBodies() {
    }

    /** The 413 answer for a body over the limit. */
    static HttpReply tooLarge() {
        return HttpReply.json(413, WireRenderer.error("VALIDATION",
                "request body too large: the embedded Orchestration server reads at most " + MAX_BODY_BYTES
                        + " bytes"));
    }

    static JsonNode readJson(byte[] body) {
        String syntaxError = GoJsonSyntax.firstError(body, MAX_DEPTH);
        if (syntaxError != null) {
            throw ApiException.validation(syntaxError);
        }
        try (JsonParser parser = MAPPER.createParser(validUtf8(body))) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw ApiException.validation("EOF");
            }
            return mayHoldSurrogateEscape(body) ? withoutLoneSurrogates(node) : node;
        }
        catch (StreamConstraintsException ex) {
            throw ApiException.validation("exceeded max depth");
        }
        catch (UnexpectedEndOfInputException ex) {
            throw ApiException.validation("unexpected EOF");
        }
        catch (JacksonException ex) {
            throw ApiException.validation("invalid JSON body: " + ex.getOriginalMessage());
        }
    }

    /** Go's {@code json.Unmarshal}: one JSON value and nothing but white space after it; throws when it is not. */
    static JsonNode readSingleJson(byte[] json) {
        JsonNode first = readJson(json);
        try {
            SINGLE_VALUE_MAPPER.readTree(validUtf8(json));
        }
        catch (JacksonException ex) {
            throw ApiException.validation("invalid character after top-level value");
        }
        return first;
    }

    /**
     * The body with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD, as Go's decoder
     * reads strings ({@code utf8.DecodeRune} consumes one byte of an invalid sequence); the body itself when it is
     * valid.
     */
    static byte[] validUtf8(byte[] body) {
        java.io.ByteArrayOutputStream out = null;
        int i = 0;
        while (i < body.length) {
            int width = runeWidth(body, i);
            if (width > 0) {
                if (out != null) {
                    out.write(body, i, width);
                }
                i += width;
                continue;
            }
            if (out == null) {
                out = new java.io.ByteArrayOutputStream(body.length + 16);
                out.write(body, 0, i);
            }
            out.write(0xEF);
            out.write(0xBF);
            out.write(0xBD);
            i++;
        }
        return out == null ? body : out.toByteArray();
    }

    /** The length of the valid UTF-8 sequence at {@code i}, 0 when there is none (Go's utf8 acceptance ranges). */
    private static int runeWidth(byte[] b, int i) {
        int first = b[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        int width;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            width = 2;
        }
        else if (first >= 0xE0 && first <= 0xEF) {
            width = 3;
            low = first == 0xE0 ? 0xA0 : 0x80;
            high = first == 0xED ? 0x9F : 0xBF;
        }
        else if (first >= 0xF0 && first <= 0xF4) {
            width = 4;
            low = first == 0xF0 ? 0x90 : 0x80;
            high = first == 0xF4 ? 0x8F : 0xBF;
        }
        else {
            return 0;
        }
        if (i + width > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            int next = b[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return width;
    }

    private static boolean mayHoldSurrogateEscape(byte[] body) {
        for (int i = 0; i + 2 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u' && (body[i + 2] == 'd' || body[i + 2] == 'D')) {
                return true;
            }
        }
        return false;
    }

    /** Go's {@code unquote}: an escaped surrogate that is not half of a pair becomes U+FFFD, in keys and values. */
    private static JsonNode withoutLoneSurrogates(JsonNode node) {
        tools.jackson.databind.node.JsonNodeFactory nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isString()) {
            return nodes.stringNode(replaceLoneSurrogates(node.asString()));
        }
        if (node.isObject()) {
            tools.jackson.databind.node.ObjectNode copy = nodes.objectNode();
            node.properties().forEach(entry -> copy.set(replaceLoneSurrogates(entry.getKey()),
                    withoutLoneSurrogates(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode copy = nodes.arrayNode();
            node.forEach(element -> copy.add(withoutLoneSurrogates(element)));
            return copy;
        }
        return node;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
