package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Failure messages name the call's ids and, after retries, the attempts made; earlier failures are suppressed. */
class FailureContextTest {

    private static final String API = "/api/orchestration";

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private OrchestrationV1Client client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private OrchestrationClientBuilder builder() {
        return OrchestrationV1Client.builder().baseUrl(server.baseUrl());
    }

    @Test
    void aSwappedSendEventShowsWhichIdWasUsed() {
        server.stubFor(post(urlEqualTo(API + "/instances/processed/events")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"retrieving workflow: sql: no rows in result set\"}")));
        client = builder().build();

        OrchestrationApiException failure = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.sendEvent("processed", "8f3c2a"));

        assertThat(failure.getMessage()).startsWith("sendEvent failed: HTTP 500 INTERNAL")
                .endsWith("[instanceID=processed]");
        assertThat(failure.ids()).isEqualTo("instanceID=processed");
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void aRetriedCallSaysHowManyAttemptsItMadeAndKeepsTheEarlierFailures() {
        server.stubFor(get(urlEqualTo(API + "/instances/i-1/stages/2/history")).willReturn(aResponse().withStatus(503)));
        client = builder().retry(3, Duration.ZERO, Duration.ZERO, 1.0).build();

        OrchestrationApiException failure = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.getInstanceStageHistory("i-1", 2));

        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.getMessage()).contains("[instanceID=i-1, stage=2, after 3 attempts in ");
        assertThat(failure.getSuppressed()).hasSize(2).allSatisfy(earlier -> assertThat(earlier)
                .isInstanceOf(OrchestrationApiException.class).hasMessageContaining("HTTP 503"));
        server.verify(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo(API + "/instances/i-1/stages/2/history")));
    }

    @Test
    void anOperationWithoutIdsKeepsItsMessage() {
        server.stubFor(get(urlPathEqualTo(API + "/workflows")).willReturn(aResponse().withStatus(500)));
        client = builder().build();

        OrchestrationApiException failure = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listWorkflows());

        assertThat(failure.getMessage()).doesNotContain("[");
        assertThat(failure.ids()).isEmpty();
    }

    @Test
    void idsAreBoundedAndPrintable() {
        assertThat(Ids.of("triggerID", "a\nb")).isEqualTo("triggerID=a?b");
        assertThat(Ids.of("workflowID", "x".repeat(100))).isEqualTo("workflowID=" + "x".repeat(64) + "...");
        assertThat(Ids.of("workflowID", null)).isEmpty();
    }

    @Test
    void aTransportFailureNamesTheIdToo() {
        client = OrchestrationV1Client.builder().baseUrl("http://127.0.0.1:1").build();

        OrchestrationTransportException failure = catchThrowableOfType(OrchestrationTransportException.class,
                () -> client.getWorkflow("wf-9"));

        assertThat(failure.getMessage()).endsWith("[workflowID=wf-9]");
    }
}
