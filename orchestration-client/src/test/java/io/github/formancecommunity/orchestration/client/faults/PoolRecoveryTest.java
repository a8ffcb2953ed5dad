package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * With a pool of a single connection, every kind of failure must give that connection back: a call after each
 * fault still gets one. A leak would make the next call wait for a connection forever, which the preemptive
 * time-out turns into a failure.
 */
class PoolRecoveryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(20)).build();

    private static final ScenarioTally TALLY = new ScenarioTally("client pool recovery after faults");

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    record PoolFault(String name, Supplier<ResponseDefinitionBuilder> response) {
    }

    static List<PoolFault> faults() {
        return List.of(
                new PoolFault("reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                new PoolFault("empty", () -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
                new PoolFault("random", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                new PoolFault("malformed chunk", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                new PoolFault("slow", () -> aResponse().withStatus(200).withFixedDelay(2_000)),
                new PoolFault("500 json", () -> aResponse().withStatus(500).withHeader("Content-Type",
                        "application/json").withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"x\"}")),
                new PoolFault("503 10 MB html", () -> aResponse().withStatus(503).withHeader("Content-Type",
                        "text/html").withBody("x".repeat(FaultSupport.TEN_MB))),
                new PoolFault("401 empty", () -> aResponse().withStatus(401)),
                new PoolFault("200 malformed json", () -> aResponse().withStatus(200).withHeader("Content-Type",
                        "application/json").withBody("{\"data\":[{\"id\":")),
                new PoolFault("200 html", () -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>" + "y".repeat(100_000) + "</html>")),
                new PoolFault("200 deep json", () -> aResponse().withStatus(200).withHeader("Content-Type",
                        "application/json").withBody("{\"data\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")),
                new PoolFault("200 10 MB json, data null", () -> aResponse().withStatus(200).withHeader(
                        "Content-Type", "application/json").withBody("{\"pad\":\"" + "z".repeat(FaultSupport.TEN_MB)
                                + "\",\"data\":null}")));
    }

    @Test
    void aSingleConnectionPoolSurvivesEveryFaultOnEveryOperation() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).maxConnections(1)
                    .readTimeout(Duration.ofMillis(400)).runWaitTimeout(Duration.ofMillis(400)).build()) {
                for (PoolFault fault : faults()) {
                    for (OperationCase operation : OperationCase.values()) {
                        server.resetAll();
                        server.stubFor(request(operation.method(), urlPathEqualTo(operation.path()))
                                .willReturn(fault.response().get()));
                        Throwable thrown = catchThrowable(() -> operation.invoke(client));
                        TALLY.fault();
                        if (thrown != null) {
                            assertThat(thrown).as(fault.name() + " on " + operation)
                                    .isInstanceOf(OrchestrationException.class);
                            TALLY.typedFailure();
                        }
                        // the next call needs the pool's only connection
                        server.stubFor(get(urlPathEqualTo("/_info")).willReturn(aResponse().withStatus(200)
                                .withHeader("Content-Type", "application/json").withBody("{\"version\":\"v\"}")));
                        assertThat(client.getServerInfo().version()).as("after " + fault.name() + " on " + operation)
                                .isEqualTo("v");
                        TALLY.call();
                        TALLY.requests(server.getAllServeEvents().size());
                    }
                }
            }
        });
    }
}
