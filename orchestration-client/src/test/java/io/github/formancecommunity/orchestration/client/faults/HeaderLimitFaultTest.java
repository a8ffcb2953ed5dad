package io.github.formancecommunity.orchestration.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Response headers beyond the count or line-length limit end the call with an
 * {@link OrchestrationResponseException} naming the limit; headers just within the limits are accepted.
 */
class HeaderLimitFaultTest {

    private HostileServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HostileServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Answers getServerInfo with {@code count} header fields in all, each header line {@code lineLength} bytes. */
    private HostileServer.Handler headers(int count, int lineLength) {
        return (request, out) -> {
            byte[] body = "{\"version\":\"v\"}".getBytes(StandardCharsets.US_ASCII);
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            for (int i = 2; i < count; i++) {
                String name = String.format("X-Pad-%05d: ", i);
                head.append(name).append("p".repeat(Math.max(1, lineLength - name.length()))).append("\r\n");
            }
            OutputStream counted = server.counting(out);
            counted.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            counted.write(body);
            counted.flush();
            return true;
        };
    }

    @Test
    void twoHundredHeadersOfEightKilobytesEndTheCallWithATypedException() throws Exception {
        server.answer(headers(202, 8 * 1024));
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1).build()) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageStartingWith("orchestrationgetServerInfo: response headers over the limit of")
                    .hasMessageContaining("formance.orchestration.limits.max-header");
            FaultSupport.assertNoSecretAndBounded(thrown);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void headerFieldsUpToTheCountAreAcceptedOneMoreIsNot() throws Exception {
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                .maxHeaderCount(20).build()) {
            server.answer(headers(20, 40));
            assertThat(client.getServerInfo().version()).isEqualTo("v");

            server.answer(headers(21, 40));
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("the limit of 20 header fields")
                    .hasMessageContaining("formance.orchestration.limits.max-header-count");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void headerLinesUpToTheLengthAreAcceptedOneByteMoreIsNot() throws Exception {
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                .maxHeaderLineLength(1024).build()) {
            server.answer(headers(5, 1024));
            assertThat(client.getServerInfo().version()).isEqualTo("v");

            server.answer(headers(5, 1025));
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("the limit of 1 KiB per status or header line")
                    .hasMessageContaining("formance.orchestration.limits.max-header-line-length");
            Recovery.assertRecovered(client, server);
        }
    }
}
