package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * Whatever fails after a request left, the plain client sends it exactly once: the four POST operations (which are
 * never safe to repeat) and, since the client core has no retry of its own, every other operation too. Counted on
 * the server.
 */
class PostAtMostOnceTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(40))
            .build();

    private static final ScenarioTally TALLY = new ScenarioTally("client sends once (POST and others)");

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    /** A fault after the request left and the exception type it must give. */
    record AfterSendFault(String name, Supplier<ResponseDefinitionBuilder> response,
            Class<? extends OrchestrationException> expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<AfterSendFault> faults() {
        return List.of(
                new AfterSendFault("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        OrchestrationTransportException.class),
                new AfterSendFault("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
                        OrchestrationTransportException.class),
                new AfterSendFault("random data", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                        OrchestrationTransportException.class),
                new AfterSendFault("read time-out", () -> aResponse().withStatus(201).withFixedDelay(3_000),
                        OrchestrationTimeoutException.class),
                new AfterSendFault("500", () -> aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"boom\"}"),
                        OrchestrationApiException.class),
                new AfterSendFault("502 html", () -> aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>"),
                        OrchestrationApiException.class),
                new AfterSendFault("503 Retry-After", () -> aResponse().withStatus(503).withHeader("Retry-After", "1"),
                        OrchestrationApiException.class),
                new AfterSendFault("504", () -> aResponse().withStatus(504), OrchestrationApiException.class),
                new AfterSendFault("429 Retry-After", () -> aResponse().withStatus(429).withHeader("Retry-After", "1"),
                        OrchestrationApiException.class));
    }

    static Stream<Arguments> postsAndFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (OperationCase operation : OperationCase.posts()) {
            for (AfterSendFault fault : faults()) {
                cases.add(Arguments.of(operation, fault));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> othersAndFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (OperationCase operation : OperationCase.values()) {
            if (!operation.method().equals("POST")) {
                for (AfterSendFault fault : faults()) {
                    cases.add(Arguments.of(operation, fault));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("postsAndFaults")
    void postReachesTheServerExactlyOnce(OperationCase operation, AfterSendFault fault) throws IOException {
        assertSentOnce(operation, fault);
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("othersAndFaults")
    void theClientCoreNeverRetriesOnItsOwn(OperationCase operation, AfterSendFault fault) throws IOException {
        assertSentOnce(operation, fault);
    }

    private void assertSentOnce(OperationCase operation, AfterSendFault fault) throws IOException {
        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path())).willReturn(fault.response().get()));

        Throwable thrown;
        OrchestrationClientBuilder builder = FaultSupport.builder(server.baseUrl());
        if (fault.expected() == OrchestrationTimeoutException.class) {
            builder.readTimeout(Duration.ofMillis(300)).runWaitTimeout(Duration.ofMillis(300));
        }
        try (OrchestrationV1Client client = builder.build()) {
            thrown = catchThrowable(() -> operation.invoke(client));
        }
        TALLY.fault();

        assertThat(thrown).isInstanceOf(fault.expected());
        assertThat(((OrchestrationException) thrown).operation()).isEqualTo(operation.operation());
        FaultSupport.assertNoSecretAndBounded(thrown);
        TALLY.typedFailure();
        int received = server.countRequestsMatching(
                requestedFor(operation.method(), urlPathEqualTo(operation.path())).build()).getCount();
        TALLY.requests(received);
        TALLY.retries(Math.max(0, received - 1));
        assertThat(received).isEqualTo(1);
        assertThat(server.getAllServeEvents()).hasSize(1);
    }
}
