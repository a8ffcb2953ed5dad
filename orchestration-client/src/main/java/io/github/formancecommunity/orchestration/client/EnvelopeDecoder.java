package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>No body is read past its limit: a larger one is an {@link OrchestrationResponseException} naming the limit,
 * raised once the limit is passed, before more is buffered (or at once, when the {@code Content-Length} says so).
 * JSON too deep for the mapper's read constraints, or failing in a way Jackson does not type, is an
 * {@link OrchestrationResponseException} too.
 */
final class EnvelopeDecoder implements Decoder {

    /** Bodies announced larger than this are read in chunks rather than trusting the length up front. */
    static final int MAX_PREALLOCATED = 16 * 1024 * 1024;

    private final JsonMapper mapper;
    private final int maxBodySize;

    EnvelopeDecoder(JsonMapper mapper) {
        this(mapper, ResponseLimits.DEFAULT_MAX_BODY_SIZE);
    }

    EnvelopeDecoder(JsonMapper mapper, int maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        OrchestrationOperation operation = Operations.of(response.request());
        int status = response.status();
        if (type == void.class || type == Void.class) {
            decodeNoContent(response, operation, status, maxBodySize);
            return null;
        }
        if (response.body() == null) {
            throw unreadable(operation, status, "an empty body where JSON was expected", null);
        }
        byte[] body = readBody(response.body(), maxBodySize, operation, status);
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
        catch (StackOverflowError ex) {
            // a mapper without nesting limits on JSON nested deeper than the stack: the stack is unwound here
            throw unreadable(operation, status, "JSON nested too deeply to decode (" + body.length + " bytes)", null);
        }
        catch (OrchestrationException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            TokenRedaction redaction = TokenRedaction.of(response.request());
            throw unreadable(operation, status, "a body that could not be decoded as "
                    + javaType.getRawClass().getSimpleName() + " (" + ex.getClass().getSimpleName() + ")", 
                    redaction.appearsIn(ex) ? null : ex);
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
    private static void decodeNoContent(Response response, OrchestrationOperation operation, int status,
            int maxBodySize) throws IOException {
        if (response.body() == null) {
            return;
        }
        byte[] head;
        long rest;
        try (InputStream in = response.body().asInputStream()) {
            head = in.readNBytes(BodyExcerpt.MAX_EXCERPT + 512);
            rest = skipAtMost(in, (long) maxBodySize + 1 - head.length);
        }
        if (head.length + rest > maxBodySize) {
            throw ResponseLimits.bodyTooLarge(operation, status, maxBodySize, "more than " + maxBodySize + " bytes");
        }
        String contentType = BodyExcerpt.contentType(response);
        if (head.length > 0 && !BodyExcerpt.isJson(contentType)) {
            TokenRedaction redaction = TokenRedaction.of(response.request());
            throw unreadable(operation, status, "a " + contentType + " body (" + (head.length + rest)
                    + " bytes) where no content or JSON was expected: " + BodyExcerpt.excerpt(head, redaction), null);
        }
    }

    /** Reads and drops up to {@code max} bytes, returning how many were there. */
    private static long skipAtMost(InputStream in, long max) throws IOException {
        byte[] sink = new byte[8192];
        long total = 0;
        while (total < max) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, max - total));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Reads the whole body with the default limit. */
    static byte[] readBody(Response.Body responseBody) throws IOException {
        return readBody(responseBody, ResponseLimits.DEFAULT_MAX_BODY_SIZE, null, 200);
    }

    /**
     * Reads the whole body, failing as soon as it passes {@code maxBodySize}. With a {@code Content-Length} the
     * array is allocated once at its exact size: {@code readAllBytes()} would allocate an 8 KiB chunk and copy it
     * for every small body.
     */
    static byte[] readBody(Response.Body responseBody, int maxBodySize, OrchestrationOperation operation, int status)
            throws IOException {
        Integer length = responseBody.length();
        if (length != null && length > maxBodySize) {
            throw ResponseLimits.bodyTooLarge(operation, status, maxBodySize, "Content-Length " + length);
        }
        try (InputStream in = responseBody.asInputStream()) {
            if (length == null || length < 0 || length > MAX_PREALLOCATED) {
                // one byte past the limit tells a body of exactly the limit from a larger one
                byte[] body = in.readNBytes(maxBodySize == Integer.MAX_VALUE ? maxBodySize : maxBodySize + 1);
                if (body.length > maxBodySize) {
                    throw ResponseLimits.bodyTooLarge(operation, status, maxBodySize,
                            "more than " + maxBodySize + " bytes");
                }
                return body;
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
