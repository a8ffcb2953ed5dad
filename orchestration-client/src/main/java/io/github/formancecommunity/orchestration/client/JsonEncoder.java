package io.github.formancecommunity.orchestration.client;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes request bodies as JSON bytes, so every body has a fixed {@code Content-Length} (the server ignores a
 * chunked {@code runWorkflow} body). The {@code Content-Type} header is declared on the body methods of
 * {@link OrchestrationV1Api}; adding it here again made Feign merge two header templates on every call.
 */
final class JsonEncoder implements Encoder {

    private final JsonMapper mapper;

    JsonEncoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
        }
        catch (JacksonException ex) {
            throw new EncodeException("cannot write the request body as JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
