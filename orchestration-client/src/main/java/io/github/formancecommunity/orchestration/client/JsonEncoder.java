package io.github.formancecommunity.orchestration.client;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes request bodies as JSON bytes. The headers that go with a body ({@code Content-Type} and the fixed
 * {@code Content-Length}) are added by {@link JsonRequestHeaders} once the template is resolved, so the
 * {@code Content-Length} template Feign adds with a body is removed here.
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
            template.removeHeader("Content-Length");
        }
        catch (JacksonException ex) {
            throw new EncodeException("cannot write the request body as JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
