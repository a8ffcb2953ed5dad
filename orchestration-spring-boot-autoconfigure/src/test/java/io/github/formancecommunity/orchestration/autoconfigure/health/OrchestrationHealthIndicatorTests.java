package io.github.formancecommunity.orchestration.autoconfigure.health;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.Stubs;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

class OrchestrationHealthIndicatorTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private OrchestrationHealthIndicator indicator;

    @AfterEach
    void close() throws Exception {
        if (indicator != null) {
            indicator.destroy();
        }
    }

    private Health health() {
        return health(Duration.ofSeconds(5));
    }

    private Health health(Duration readTimeout) {
        indicator = new OrchestrationHealthIndicator(OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .bearerToken("s3cr3t-token")
                .readTimeout(readTimeout)
                .build());
        return indicator.health();
    }

    @Test
    void upWithTheServerVersion() {
        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO)));

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("version", "v2.6.0");
    }

    @Test
    void downWithTheReasonOfAnErrorStatus() {
        server.stubFor(get("/_info").willReturn(Stubs.empty(401)));

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("OrchestrationApiException: ")
                .contains("401")
                .doesNotContain("s3cr3t-token");
    }

    @Test
    void downWhenNothingAnswers() {
        server.stubFor(get("/_info").willReturn(Stubs.ok("").withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("OrchestrationTransportException: ");
    }

    @Test
    void downWhenTheServerIsSlowerThanTheTimeout() {
        server.stubFor(get("/_info").willReturn(Stubs.ok(Stubs.SERVER_INFO).withFixedDelay(1_000)));

        Health health = health(Duration.ofMillis(300));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).startsWith("OrchestrationTimeoutException: ");
        Stubs.awaitAnswered(server, 1);
    }
}
