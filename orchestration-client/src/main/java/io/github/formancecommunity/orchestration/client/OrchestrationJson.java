package io.github.formancecommunity.orchestration.client;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of the Orchestration V1 wire format, shared by the client, the embedded test server and
 * anyone who wants to read or write the models the same way.
 *
 * <ul>
 *   <li>unknown fields are ignored (the server adds fields between versions);</li>
 *   <li>integers in free-form JSON become {@link java.math.BigInteger} and decimals
 *       {@link java.math.BigDecimal}, so a large amount never passes through {@code double};</li>
 *   <li>date-times keep their offset and nanoseconds and are written as RFC 3339 strings.</li>
 * </ul>
 */
public final class OrchestrationJson {

    private static final JsonMapper MAPPER = newMapper();

    private OrchestrationJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the wire settings, for callers that want to customise their own copy. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
