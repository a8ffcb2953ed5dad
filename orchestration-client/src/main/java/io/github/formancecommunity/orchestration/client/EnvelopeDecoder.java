package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Arrays;

import feign.Response;
import feign.codec.Decoder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes success bodies with Jackson 3. An empty, non-JSON or malformed body becomes an
 * {@link OrchestrationResponseException} that names the operation and shows a short excerpt.
 *
 * <p>The operations without a result ({@code void}) are decoded too: whatever body came is read to its end, so a
 * response cut in the middle is an I/O failure (a transport exception) instead of a silent success, and a
 * non-JSON body (the HTML page of a wrong base URL answering 200) is an {@link OrchestrationResponseException}.
 */
final class EnvelopeDecoder implements Decoder {

    /** Bodies announced larger than this are read in chunks rather than trusting the length up front. */
    static final int MAX_PREALLOCATED = 16 * 1024 * 1024;

    private final JsonMapper mapper;

    EnvelopeDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        OrchestrationOperation operation = Operations.of(response.request());
        int status = response.status();
        if (type == void.class || type == Void.class) {
            decodeNoContent(response, operation, status);
            return null;
        }
        if (response.body() == null) {
            throw unreadable(operation, status, "an empty body where JSON was expected", null);
        }
        byte[] body = readBody(response.body());
        if (body.length == 0) {
            throw unreadable(operation, status, "an empty body where JSON was expected", null);
        }
        String contentType = BodyExcerpt.contentType(response);
        if (!BodyExcerpt.isJson(contentType)) {
            throw unreadable(operation, status, "a " + contentType + " body where JSON was expected: "
                    + BodyExcerpt.excerpt(body, TokenRedaction.of(response.request())), null);
        }
        JavaType javaType = mapper.constructType(type);
        try {
            Object value = mapper.readValue(body, javaType);
            if (value == null) {
                throw unreadable(operation, status, "a JSON null where an object was expected", null);
            }
            return value;
        }
        catch (JacksonException ex) {
            TokenRedaction redaction = TokenRedaction.of(response.request());
            // Jackson quotes offending values: a cause echoing the token is left out rather than carried
            throw unreadable(operation, status, "a body that is not valid for " + javaType.getRawClass().getSimpleName()
                    + where(ex) + " (" + BodyExcerpt.truncate(redaction.apply(ex.getOriginalMessage()), 200) + "): "
                    + BodyExcerpt.excerpt(body, redaction), redaction.appearsIn(ex) ? null : ex);
        }
    }

    /** Where in the body the failure is: the JSON path of the field, else the line and column. */
    static String where(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(BodyExcerpt.truncate(reference.getPropertyName(), 100));
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            return " at " + path;
        }
        TokenStreamLocation location = ex.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return "";
    }

    /**
     * Reads the body of an operation without result to its end. An empty or JSON body is accepted and ignored;
     * anything else (the HTML page a wrong base URL answers with 200) is not the Orchestration API.
     */
    private static void decodeNoContent(Response response, OrchestrationOperation operation, int status)
            throws IOException {
        if (response.body() == null) {
            return;
        }
        byte[] head;
        long rest;
        try (InputStream in = response.body().asInputStream()) {
            head = in.readNBytes(BodyExcerpt.MAX_EXCERPT + 512);
            rest = in.transferTo(OutputStream.nullOutputStream());
        }
        String contentType = BodyExcerpt.contentType(response);
        if (head.length > 0 && !BodyExcerpt.isJson(contentType)) {
            TokenRedaction redaction = TokenRedaction.of(response.request());
            throw unreadable(operation, status, "a " + contentType + " body (" + (head.length + rest)
                    + " bytes) where no content or JSON was expected: " + BodyExcerpt.excerpt(head, redaction), null);
        }
    }

    /**
     * Reads the whole body. With a {@code Content-Length} the array is allocated once at its exact size:
     * {@code readAllBytes()} would allocate an 8 KiB chunk and copy it for every small body.
     */
    static byte[] readBody(Response.Body responseBody) throws IOException {
        Integer length = responseBody.length();
        try (InputStream in = responseBody.asInputStream()) {
            if (length == null || length < 0 || length > MAX_PREALLOCATED) {
                return in.readAllBytes();
            }
            byte[] body = new byte[length];
            int read = in.readNBytes(body, 0, length);
            return read == length ? body : Arrays.copyOf(body, read);
        }
    }

    private static OrchestrationResponseException unreadable(OrchestrationOperation operation, int status,
            String what, Throwable cause) {
        return new OrchestrationResponseException(operation, status,
                (operation == null ? "request" : operation.operationId()) + ": HTTP " + status + " with " + what,
                cause);
    }
}
