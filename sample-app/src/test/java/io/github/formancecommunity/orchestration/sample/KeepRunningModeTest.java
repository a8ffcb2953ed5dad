package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;

/**
 * With {@code --sample.keep-running=true} the sample (here its development-time main, against the embedded server)
 * starts a web server, stays up after the report and serves the actuator health and metrics endpoints.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeepRunningModeTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesHealthAndMetricsAfterTheReport(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = TestSampleApplication.start("--sample.keep-running=true",
                "--server.port=0")) {
            assertThat(context.isActive()).isTrue();
            String port = context.getEnvironment().getProperty("local.server.port");
            assertThat(port).isNotNull();
            String actuator = "http://127.0.0.1:" + port + "/actuator";

            JsonNode health = get(actuator + "/health");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            JsonNode orchestration = health.path("components").path("orchestration");
            assertThat(orchestration.path("status").asString()).as(health.toString()).isEqualTo("UP");

            JsonNode timer = get(actuator + "/metrics/" + RequestMetricsSection.TIMER + "?tag=operation:sendEvent");
            assertThat(timer.path("measurements")).anySatisfy(measurement -> {
                assertThat(measurement.path("statistic").asString()).isEqualTo("COUNT");
                assertThat(measurement.path("value").asDouble()).isEqualTo(1.0);
            });

            assertThat(output.getOut()).contains("Result: OK", "Keeping running (sample.keep-running=true)",
                    actuator.replace("127.0.0.1", "localhost") + "/health");
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return OrchestrationJson.mapper().readTree(response.body());
    }
}
