package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;

/**
 * The development-time main ignores a Stack the application's own configuration names: the embedded server's
 * connection details replace the properties, so a production base URL (and its credentials) can stay configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentTimeMainTest {

    @Test
    void runsAgainstTheEmbeddedServerEvenWithAProductionStackConfigured(CapturedOutput output) {
        ScenarioReport report;
        EmbeddedOrchestrationServer server;
        int exitCode;
        try (ConfigurableApplicationContext context = TestSampleApplication.start(
                "--formance.orchestration.base-url=https://org-stack.invalid",
                "--formance.orchestration.auth.client-id=production-client",
                "--formance.orchestration.auth.client-secret=production-secret", "--sample.delay=10ms")) {
            report = context.getBean(SampleRunner.class).report();
            server = context.getBean(EmbeddedOrchestrationServer.class);
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isZero();
        assertThat(report.succeeded()).isTrue();
        assertThat(server.exchanges().stream().map(ReceivedExchange::operation).filter(Objects::nonNull)
                .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(
                        EnumSet.allOf(OrchestrationOperation.class));
        assertThat(output.getOut()).contains("Target: embedded Orchestration server " + server.apiUrl()
                + ", no authentication").doesNotContain("org-stack.invalid", "production-secret");
    }
}
