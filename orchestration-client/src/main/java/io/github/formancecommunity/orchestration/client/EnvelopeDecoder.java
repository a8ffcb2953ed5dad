package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Arrays;

import feign.Response;
import feign.codec.Decoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes success bodies with Jackson 3. An empty, non-JSON or malformed body becomes an
 * {@link OrchestrationResponseException} that names the operation and shows a short excerpt.
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
                    + BodyExcerpt.excerpt(body), null);
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
            throw unreadable(operation, status, "a body that is not valid for " + javaType.getRawClass().getSimpleName()
                    + " (" + BodyExcerpt.truncate(ex.getOriginalMessage(), 200) + "): " + BodyExcerpt.excerpt(body), ex);
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
