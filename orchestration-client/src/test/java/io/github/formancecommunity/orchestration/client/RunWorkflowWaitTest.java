package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/** {@code runWorkflow} with {@code wait=true} goes through its own wire method and is still {@code runWorkflow}. */
class RunWorkflowWaitTest {

    private static final String WAIT_URL = "/api/orchestration/workflows/wf/instances?wait=true";

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    @Test
    void sendsWaitTrueWithTheVariables() throws Exception {
        server.stubFor(post(urlEqualTo(WAIT_URL)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"workflowID\":\"wf\",\"id\":\"inst\",\"terminated\":true}}")));

        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            assertThat(client.runWorkflow("wf", Map.of("amount", "100"), true).terminated()).isTrue();
        }

        server.verify(postRequestedFor(urlEqualTo(WAIT_URL)).withRequestBody(equalToJson("{\"amount\":\"100\"}")));
    }

    @Test
    void aFailureOfTheWaitingRunNamesRunWorkflow() throws Exception {
        server.stubFor(post(urlEqualTo(WAIT_URL)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMessage\":\"boom\"}")));

        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                    () -> client.runWorkflow("wf", Map.of(), true));

            assertThat(error.operation()).isSameAs(OrchestrationOperation.RUN_WORKFLOW);
            assertThat(error.getMessage()).contains("runWorkflow");
        }
    }
}
