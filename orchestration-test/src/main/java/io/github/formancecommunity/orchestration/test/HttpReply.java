package io.github.formancecommunity.orchestration.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;

/**
 * A response to write.
 *
 * @param status       the HTTP status
 * @param body         the body, empty for none
 * @param contentType  the {@code Content-Type}, {@code application/json} on every V1 response
 * @param headers      extra headers
 * @param recordedBody what the exchange log keeps of the body ({@code null}: the body itself); used to redact tokens
 */
record HttpReply(int status, byte[] body, String contentType, Map<String, String> headers, String recordedBody) {

    static final String JSON = "application/json";

    static HttpReply json(int status, JsonNode node) {
        byte[] json = GoJsonEscapes.apply(OrchestrationJson.mapper().writeValueAsBytes(GoFloats.goNotation(node)));
        byte[] body = new byte[json.length + 1];
        System.arraycopy(json, 0, body, 0, json.length);
        body[json.length] = '\n';
        return new HttpReply(status, body, JSON, Map.of(), null);
    }

    /** A success in the {@code {"data": ...}} envelope. */
    static HttpReply data(int status, JsonNode payload) {
        return json(status, WireRenderer.data(payload));
    }

    /** A response without body, still typed {@code application/json} like the real server's. */
    static HttpReply empty(int status) {
        return new HttpReply(status, new byte[0], JSON, Map.of(), null);
    }

    /** A plain-text answer, as Go's {@code http.Error} writes it. */
    static HttpReply text(int status, String text) {
        return new HttpReply(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                Map.of("X-Content-Type-Options", "nosniff"), null);
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpReply(status, body, contentType, Map.copyOf(copy), recordedBody);
    }

    HttpReply withRecordedBody(String text) {
        return new HttpReply(status, body, contentType, headers, text);
    }

    String bodyForRecord() {
        return recordedBody != null ? recordedBody : new String(body, StandardCharsets.UTF_8);
    }
}
