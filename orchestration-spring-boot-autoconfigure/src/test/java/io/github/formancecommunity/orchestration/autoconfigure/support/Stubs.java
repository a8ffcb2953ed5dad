package io.github.formancecommunity.orchestration.autoconfigure.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** WireMock responses shaped like the Orchestration V1 server's. */
public final class Stubs {

    /** Body of {@code GET /_info}. */
    public static final String SERVER_INFO = "{\"version\":\"v2.6.0\"}";

    /** Body of a {@code runWorkflow} 201. */
    public static final String RUN_RESPONSE = "{\"data\":{\"workflowID\":\"wf-1\",\"id\":\"inst-1\","
            + "\"createdAt\":\"2026-04-28T10:00:00.123456789Z\",\"updatedAt\":\"2026-04-28T10:00:00.123456789Z\","
            + "\"terminated\":false}}";

    /** Body of a {@code getWorkflow} 200. */
    public static final String WORKFLOW_RESPONSE = "{\"data\":{\"id\":\"wf-1\",\"config\":{\"name\":\"demo\","
            + "\"stages\":[]},\"createdAt\":\"2026-04-28T10:00:00Z\",\"updatedAt\":\"2026-04-28T10:00:00Z\"}}";

    private Stubs() {
    }

    /** A JSON 200 with {@code body}. */
    public static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    /** A JSON response. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The API's JSON error. */
    public static ResponseDefinitionBuilder error(int status, String code) {
        return json(status, "{\"errorCode\":\"" + code + "\",\"errorMessage\":\"failed with " + code + "\"}");
    }

    /**
     * Waits (bounded) until WireMock has answered {@code count} requests. WireMock journals a delayed request only
     * once it has answered it, after the client gave up; without this, a timed-out request of one test would land
     * in the next test's journal.
     */
    public static void awaitAnswered(WireMockExtension server, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> server.getAllServeEvents().size() >= count);
    }

    /** An error status with an empty body, as a gateway or the auth middleware sends. */
    public static ResponseDefinitionBuilder empty(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json");
    }
}
