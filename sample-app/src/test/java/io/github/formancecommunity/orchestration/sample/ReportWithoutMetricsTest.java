package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Without the starter's metrics and breaker, the report says so and the run still succeeds. */
@ExtendWith(OutputCaptureExtension.class)
class ReportWithoutMetricsTest {

    @Test
    void saysMetricsAndBreakerAreNotAvailableAndStillExitsWithZero(CapturedOutput output) {
        int exitCode;
        try (ConfigurableApplicationContext context = TestSampleApplication.start(
                "--formance.orchestration.metrics.enabled=false",
                "--formance.orchestration.circuit-breaker.enabled=false", "--sample.delay=10ms")) {
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Result: OK",
                "Request metrics (timer formance.orchestration.client.requests)\n  not available: no call recorded",
                "Circuit breaker\n  not available: no CircuitBreaker bean");
    }
}
