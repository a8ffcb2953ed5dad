package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import feign.Request;
import feign.Response;

class EnvelopeDecoderBodyTest {

    private static final byte[] JSON = "{\"data\":{\"id\":\"wf\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsABodyOfAnnouncedLength() throws Exception {
        assertThat(EnvelopeDecoder.readBody(response(new ByteArrayInputStream(JSON), JSON.length).body()))
                .isEqualTo(JSON);
    }

    @Test
    void readsABodyShorterThanAnnounced() throws Exception {
        assertThat(EnvelopeDecoder.readBody(response(new ByteArrayInputStream(JSON), JSON.length + 50).body()))
                .isEqualTo(JSON);
    }

    @Test
    void readsABodyOfUnknownLength() throws Exception {
        byte[] large = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertThat(EnvelopeDecoder.readBody(response(new ByteArrayInputStream(large), null).body()))
                .isEqualTo(large);
    }

    @Test
    void findsTheContentTypeWhateverItsCase() {
        Response response = Response.builder()
                .status(200)
                .request(request())
                .headers(Map.<String, Collection<String>>of("content-type", List.of("application/json")))
                .body(JSON)
                .build();
        assertThat(BodyExcerpt.contentType(response)).isEqualTo("application/json");
        assertThat(BodyExcerpt.contentType(response(new ByteArrayInputStream(JSON), null))).isNull();
    }

    private static Response response(ByteArrayInputStream in, Integer length) {
        return Response.builder().status(200).request(request()).headers(Map.of()).body(in, length).build();
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.GET, "http://localhost/x", Map.of(), null, StandardCharsets.UTF_8,
                null);
    }
}
