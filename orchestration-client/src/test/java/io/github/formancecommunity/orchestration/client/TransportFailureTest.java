package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.Payloads;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * No usable response: a refused connection or a broken response is an {@link OrchestrationTransportException}, a
 * response slower than the read time-out an {@link OrchestrationTimeoutException}. {@code runWorkflow} with
 * {@code wait=true} uses the run-wait time-out instead.
 */
class TransportFailureTest {

    /** Far above the short read time-outs used here, so that the outcome never depends on scheduling. */
    private static final int SLOW_RESPONSE_MILLIS = 2_000;

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    @Test
    void aRefusedConnectionIsATransportFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .bearerToken(TestClients.TOKEN).build()) {
            OrchestrationTransportException error = catchThrowableOfType(OrchestrationTransportException.class,
                    () -> client.listWorkflows());

            assertThat(error).isNotInstanceOf(OrchestrationTimeoutException.class);
            assertThat(error.operation()).isSameAs(OrchestrationOperation.LIST_WORKFLOWS);
            assertThat(error.getMessage()).contains("listWorkflows", "no usable response")
                    .doesNotContain(TestClients.TOKEN);
            assertThat(error.getCause()).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "RANDOM_DATA_THEN_CLOSE" })
    void aBrokenResponseIsATransportFailure(Fault fault) throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));

        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            OrchestrationTransportException error = catchThrowableOfType(OrchestrationTransportException.class,
                    () -> client.getInstance(Payloads.INSTANCE_ID));

            assertThat(error).isNotInstanceOf(OrchestrationTimeoutException.class);
            assertThat(error.operation()).isSameAs(OrchestrationOperation.GET_INSTANCE);
        }
    }

    @Test
    void aResponseSlowerThanTheReadTimeOutIsATimeout() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Payloads.read("workflows.json"))
                .withFixedDelay(SLOW_RESPONSE_MILLIS)));

        try (OrchestrationV1Client client = TestClients.builder(server).readTimeout(Duration.ofMillis(200)).build()) {
            OrchestrationTimeoutException error = catchThrowableOfType(OrchestrationTimeoutException.class,
                    () -> client.listWorkflows());

            assertThat(error.operation()).isSameAs(OrchestrationOperation.LIST_WORKFLOWS);
            assertThat(error.getMessage()).contains("listWorkflows", "timed out");
        }
    }

    @Test
    void runWorkflowWithWaitUsesTheRunWaitTimeOut() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Payloads.read("instance-waited.json"))
                .withFixedDelay(SLOW_RESPONSE_MILLIS / 2)));

        try (OrchestrationV1Client client = TestClients.builder(server).readTimeout(Duration.ofMillis(200))
                .runWaitTimeout(Duration.ofSeconds(30)).build()) {
            assertThat(client.runWorkflow(Payloads.WORKFLOW_ID, Map.of(), true).id()).isEqualTo(Payloads.INSTANCE_ID);

            assertThat(catchThrowableOfType(OrchestrationTimeoutException.class,
                    () -> client.runWorkflow(Payloads.WORKFLOW_ID, Map.of(), false)).operation())
                    .isSameAs(OrchestrationOperation.RUN_WORKFLOW);
        }
    }
}
