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
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw ApiException.validation("EOF");
            }
            return node;
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
            SINGLE_VALUE_MAPPER.readTree(json);
        }
        catch (JacksonException ex) {
            throw ApiException.validation("invalid character after top-level value");
        }
        return first;
    }
}
