package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.assertNoSecretAndBounded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Transport faults (no usable response) on every operation: each surfaces as an
 * {@link OrchestrationTransportException}, or its subclass {@link OrchestrationTimeoutException} for time-outs,
 * naming the operation and what happened, never the token.
 */
class TransportFaultTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(40))
            .build();

    private static final ScenarioTally TALLY = new ScenarioTally("client transport faults");

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    static Stream<Arguments> socketFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (OperationCase operation : OperationCase.values()) {
            for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
                    Fault.RANDOM_DATA_THEN_CLOSE)) {
                cases.add(Arguments.of(operation, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("socketFaults")
    void socketFaultIsATransportFailure(OperationCase operation, Fault fault) throws IOException {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path()))
                .willReturn(aResponse().withFault(fault)));

        Throwable thrown;
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).build()) {
            thrown = catchThrowable(() -> operation.invoke(client));
        }

        TALLY.fault();
        assertThat(thrown).isExactlyInstanceOf(OrchestrationTransportException.class);
        assertTyped(thrown, operation);
        assertThat(thrown.getMessage()).contains("no usable response");
        TALLY.requests(server.getAllServeEvents().size());
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void malformedChunkedBodyIsNeverASilentSuccessWithData(OperationCase operation) throws IOException {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path()))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        Throwable thrown;
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).build()) {
            thrown = catchThrowable(() -> operation.invoke(client));
        }

        TALLY.fault();
        assertThat(thrown).isExactlyInstanceOf(OrchestrationTransportException.class);
        assertTyped(thrown, operation);
        assertThat(thrown.getMessage()).contains("no usable response");
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void responseSlowerThanTheReadTimeoutIsATimeout(OperationCase operation) throws IOException {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path()))
                .willReturn(aResponse().withStatus(operation.operation().successStatus())
                        .withHeader("Content-Type", "application/json")
                        .withBody(operation.successBody())
                        .withFixedDelay(5_000)));

        Throwable thrown;
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl())
                .readTimeout(Duration.ofMillis(200)).runWaitTimeout(Duration.ofMillis(200)).build()) {
            thrown = catchThrowable(() -> operation.invoke(client));
        }

        TALLY.fault();
        assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class);
        assertTyped(thrown, operation);
        assertThat(thrown.getMessage()).contains("timed out");
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void serverThatAcceptsAndNeverAnswersIsATimeout(OperationCase operation) throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                }
                catch (IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            Throwable thrown;
            try (OrchestrationV1Client client = FaultSupport.builder("http://127.0.0.1:" + silent.getLocalPort())
                    .readTimeout(Duration.ofMillis(200)).runWaitTimeout(Duration.ofMillis(200)).build()) {
                thrown = catchThrowable(() -> operation.invoke(client));
            }

            TALLY.fault();
            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class);
            assertTyped(thrown, operation);
            assertThat(thrown.getMessage()).contains("timed out");
        }
        finally {
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void connectionRefusedIsATransportFailureNotATimeout(OperationCase operation) throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        Throwable thrown;
        try (OrchestrationV1Client client = FaultSupport.builder("http://127.0.0.1:" + closedPort).build()) {
            thrown = catchThrowable(() -> operation.invoke(client));
        }

        TALLY.fault();
        assertThat(thrown).isExactlyInstanceOf(OrchestrationTransportException.class);
        assertTyped(thrown, operation);
        assertThat(thrown.getMessage()).containsIgnoringCase("refused");
    }

    @Test
    void runWaitTimeoutAppliesToRunWorkflowWithWaitOnly() throws IOException {
        server.stubFor(request("POST", urlPathEqualTo("/workflows/w1/instances"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(OperationCase.Bodies.INSTANCE).withFixedDelay(600)));
        server.stubFor(request("GET", urlPathEqualTo("/instances/i1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OperationCase.Bodies.INSTANCE).withFixedDelay(600)));

        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                .readTimeout(Duration.ofMillis(200)).runWaitTimeout(Duration.ofSeconds(10)).build()) {
            assertThat(client.runWorkflow("w1", java.util.Map.of(), true).id()).isEqualTo("i1");
            TALLY.call();
            // the same pooled connection must not keep the long run-wait time-out
            Throwable thrown = catchThrowable(() -> client.getInstance("i1"));
            TALLY.fault();
            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class);
            Throwable notWaiting = catchThrowable(() -> client.runWorkflow("w1", java.util.Map.of(), false));
            TALLY.fault();
            assertThat(notWaiting).isInstanceOf(OrchestrationTimeoutException.class);
        }
    }

    private static void assertTyped(Throwable thrown, OperationCase operation) {
        TALLY.typedFailure();
        assertThat(((OrchestrationException) thrown).operation()).isEqualTo(operation.operation());
        assertThat(thrown.getMessage()).startsWith(operation.operation().operationId() + " ");
        assertNoSecretAndBounded(thrown);
    }
}
