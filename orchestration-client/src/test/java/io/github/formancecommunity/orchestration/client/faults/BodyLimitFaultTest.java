package io.github.formancecommunity.orchestration.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.formancecommunity.orchestration.client.LogLevel;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response bodies are bounded after decompression: a gzip bomb that inflates past the JVM's whole heap ends the
 * call with an {@link OrchestrationResponseException} at the limit, bodies just within the limit are decoded, one
 * byte more is refused, however the body is framed. Error bodies are read up to their own bound.
 */
class BodyLimitFaultTest {

    private static final int LIMIT = 64 * 1024;
    private static final int MEMBER = 4 * 1024 * 1024;

    private HostileServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HostileServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private OrchestrationV1Client client(int limit) {
        return FaultSupport.builder(server.baseUrl()).maxConnections(1).maxResponseBodySize(limit).build();
    }

    /** One gzip member holding {@code size} zero bytes; members concatenated form one valid gzip stream. */
    private static byte[] gzipOfZeros(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(new byte[size]);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    /** A gzip bomb: {@code members} members of {@link #MEMBER} zeros each, sent chunked as the client reads. */
    private HostileServer.Handler bomb(int status, long members) throws IOException {
        byte[] member = gzipOfZeros(MEMBER);
        return (request, out) -> {
            OutputStream counted = server.counting(out);
            counted.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < members; i++) {
                HostileServer.chunk(counted, member, 0, member.length);
            }
            counted.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            counted.flush();
            return true;
        };
    }

    /** The most heap in use at any time since the peaks were reset, over all heap pools. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Test
    void aGzipBombLargerThanTheWholeHeapEndsAtTheBodyLimit() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long members = maxHeap / MEMBER + 64; // inflates to more than the heap could ever hold
        server.answer(bomb(200, members));
        try (OrchestrationV1Client client = client(1024 * 1024)) {
            resetHeapPeaks();
            long before = heapPeak();
            long start = System.nanoTime();
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(members * MEMBER).as("inflated size of the bomb").isGreaterThan(maxHeap);
            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageStartingWith("orchestrationgetServerInfo: HTTP 200 with a body larger than the limit "
                            + "of 1 MiB")
                    .hasMessageContaining("formance.orchestration.limits.max-response-body-size");
            assertThat(((OrchestrationResponseException) thrown).status()).isEqualTo(200);
            FaultSupport.assertNoSecretAndBounded(thrown);
            System.out.printf("gzip bomb: %d MiB inflated (heap max %d MiB), %d KiB compressed, call ended after %d ms, "
                    + "heap peak %d MiB -> %d MiB%n", members * MEMBER >> 20, maxHeap >> 20,
                    members * gzipOfZeros(MEMBER).length >> 10, millis, before >> 20, heapPeak() >> 20);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aGzipBombAsAnErrorBodyIsReadOnlyUpToTheErrorBound() throws Exception {
        long members = Runtime.getRuntime().maxMemory() / MEMBER + 64;
        server.answer(bomb(500, members));
        try (OrchestrationV1Client client = client(1024 * 1024)) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationApiException.class)
                    .hasMessageContaining("HTTP 500")
                    .hasMessageContaining("read up to the 64 KiB limit of error bodies");
            assertThat(((OrchestrationApiException) thrown).status()).isEqualTo(500);
            FaultSupport.assertNoSecretAndBounded(thrown);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void compressedAnswersAreAskedForAndInflated() throws Exception {
        byte[] compressed = gzip("{\"version\":\"zipped\"}".getBytes(StandardCharsets.UTF_8));
        server.answer((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + compressed.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(compressed);
            out.flush();
            return true;
        });
        try (OrchestrationV1Client client = client(LIMIT)) {
            assertThat(client.getServerInfo().version()).isEqualTo("zipped");
            assertThat(server.lastRequest()).containsIgnoringCase("Accept-Encoding: gzip");
            Recovery.assertRecovered(client, server);
        }
    }

    /** How a body reaches the client. */
    enum Framing {
        CONTENT_LENGTH, CHUNKED, GZIP
    }

    /** A getServerInfo body of exactly {@code size} bytes. */
    private static byte[] infoOfSize(int size) {
        String head = "{\"version\":\"v\",\"pad\":\"";
        String tail = "\"}";
        return (head + "p".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    private HostileServer.Handler framed(Framing framing, byte[] body) {
        return (request, out) -> {
            switch (framing) {
                case CONTENT_LENGTH -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                case CHUNKED, GZIP -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + (framing == Framing.GZIP ? "Content-Encoding: gzip\r\n" : "")
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (framing == Framing.CONTENT_LENGTH) {
                out.write(body);
            }
            else {
                byte[] bytes = framing == Framing.GZIP ? gzip(body) : body;
                for (int offset = 0; offset < bytes.length; offset += 8192) {
                    HostileServer.chunk(out, bytes, offset, Math.min(8192, bytes.length - offset));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return true;
        };
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aBodyOfExactlyTheLimitIsDecodedOneByteMoreIsRefused(Framing framing) throws Exception {
        try (OrchestrationV1Client client = client(LIMIT)) {
            server.answer(framed(framing, infoOfSize(LIMIT)));
            assertThat(client.getServerInfo().version()).isEqualTo("v");

            server.answer(framed(framing, infoOfSize(LIMIT + 1)));
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("with a body larger than the limit of 64 KiB")
                    .hasMessageContaining("formance.orchestration.limits.max-response-body-size");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aBombIsBoundedWhenTheWireLogReadsTheBodyToo() throws Exception {
        server.answer(bomb(200, Runtime.getRuntime().maxMemory() / MEMBER + 64));
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                .maxResponseBodySize(LIMIT).logLevel(LogLevel.FULL).build()) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("with a body larger than the limit of 64 KiB");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void anOperationWithoutResultIsBoundedToo() throws Exception {
        try (OrchestrationV1Client client = client(LIMIT)) {
            server.answer(framed(Framing.CHUNKED, infoOfSize(LIMIT + 1)));
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(() -> client.deleteWorkflow("w1")));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageStartingWith("deleteWorkflow: HTTP 200 with a body larger than the limit of 64 KiB");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void anErrorWithoutMessageSaysTheServerGaveNone() throws Exception {
        server.answer((request, out) -> HostileServer.json(out, 500, "{\"errorCode\":\"INTERNAL\"}"));
        try (OrchestrationV1Client client = client(LIMIT)) {
            Throwable thrown = catchThrowable(() -> client.getWorkflow("w1"));

            assertThat(thrown).isInstanceOf(OrchestrationApiException.class)
                    .hasMessage("getWorkflow failed: HTTP 500 INTERNAL: (the server gave no message) [workflowID=w1]");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void jsonNestedDeeperThanAnyStackEndsTypedWhateverTheMappersLimits() throws Exception {
        String deep = "{\"data\":[{\"id\":\"w\",\"config\":{\"stages\":[" + "{\"a\":[".repeat(200_000)
                + "]}".repeat(200_000) + "]}}]}";
        JsonMapper unconstrained = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                .build()).build();
        for (JsonMapper mapper : new JsonMapper[] { OrchestrationJson.mapper(), unconstrained }) {
            try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                    .jsonMapper(mapper).build()) {
                server.answer((request, out) -> HostileServer.json(out, 200, deep));
                Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                        () -> catchThrowable(client::listWorkflows));

                if (mapper != unconstrained || thrown != null) {
                    // the default mapper refuses the nesting; without limits, decoding may succeed, never an Error
                    assertThat(thrown).isInstanceOf(OrchestrationException.class);
                }
                Recovery.assertRecovered(client, server);
            }
        }
    }
}
