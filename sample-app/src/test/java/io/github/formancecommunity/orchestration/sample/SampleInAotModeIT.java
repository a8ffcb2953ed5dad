package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.autoconfigure.health.OrchestrationHealthAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sample as {@code process-aot} prepared it, run in AOT mode on the JVM ({@code -Dspring.aot.enabled=true}, set
 * for this test run by the {@code aot-scenario} Surefire execution after {@code package}): the executable jar's
 * {@code main} runs all 17 operations and exits with 0, and in this JVM the AOT-processed context works with every
 * {@code formance.orchestration.initialization} mode, OAuth2, the circuit breaker, metrics and health. The AOT main
 * is the production one: it talks to the Stack its properties name, here an embedded server this test starts with
 * OAuth2 client credentials.
 */
class SampleInAotModeIT {

    private static final String CLIENT_ID = "sample-app";
    private static final String CLIENT_SECRET = "aot-secret-do-not-print";

    private EmbeddedOrchestrationServer stack;

    @BeforeEach
    void startStack() {
        stack = EmbeddedOrchestrationServer.builder().client(CLIENT_ID, CLIENT_SECRET).start();
    }

    @AfterEach
    void stopStack() {
        stack.close();
    }

    @Test
    void thisTestRunUsesTheGeneratedArtifacts() throws ClassNotFoundException {
        assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
        // written and compiled by process-aot
        assertThat(Class.forName(SampleApplication.class.getName() + "__ApplicationContextInitializer"))
                .isNotNull();
    }

    @Test
    void theExecutableJarRunsEveryOperationInAotModeAndExitsWithZero() throws Exception {
        Path jar = Path.of(System.getProperty("sample.jar"));
        assertThat(jar).isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(),
                "--spring.main.log-startup-info=true", "--formance.orchestration.base-url=" + stack.baseUrl(),
                "--formance.orchestration.auth.client-id=" + CLIENT_ID,
                "--formance.orchestration.auth.client-secret=" + CLIENT_SECRET)
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));

        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = output.get(1, TimeUnit.MINUTES);
        Files.writeString(Path.of("target", "aot-sample-run.txt"), out);

        assertThat(ended).as("the sample ended; output:%n%s", out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("Starting AOT-processed SampleApplication", "Result: OK",
                "operations: 17 of 17 succeeded at least once", "exit code: 0",
                "Target: Formance Stack " + stack.apiUrl() + ", OAuth2 client credentials (client 'sample-app')",
                "Circuit breaker 'formance-orchestration'",
                "Request metrics (timer formance.orchestration.client.requests)").doesNotContain(CLIENT_SECRET);
        for (OrchestrationOperation operation : OrchestrationOperation.values()) {
            assertThat(out).contains("  " + operation.operationId() + " ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "background", "eager", "lazy" })
    void everyInitializationModeRunsTheScenarioWithOAuth2BreakerMetricsAndHealth(String mode) {
        SpringApplication application = SampleApplication.application(false);
        // in AOT mode the generated initializer is found next to the main class, here not the caller of main
        application.setMainApplicationClass(SampleApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--formance.orchestration.base-url=" + stack.baseUrl(),
                "--formance.orchestration.auth.client-id=" + CLIENT_ID,
                "--formance.orchestration.auth.client-secret=" + CLIENT_SECRET, "--sample.delay=10ms",
                "--formance.orchestration.initialization=" + mode)) {
            ScenarioReport report = context.getBean(SampleRunner.class).report();
            List<ReceivedExchange> exchanges = stack.exchanges();
            long apiCalls = exchanges.stream().filter(exchange -> exchange.operation() != null).count();

            assertThat(report.succeeded()).isTrue();
            assertThat(report.operationsSucceeded()).containsExactlyInAnyOrderElementsOf(
                    EnumSet.allOf(OrchestrationOperation.class));
            assertThat(exchanges).filteredOn(ReceivedExchange::isTokenRequest).isNotEmpty()
                    .allSatisfy(exchange -> assertThat(exchange.status()).isEqualTo(200));
            assertThat(context.getBean(OrchestrationV1Client.class).isWarm()).isTrue();

            CircuitBreaker breaker = context.getBean(
                    OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME, CircuitBreaker.class);
            assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo((int) apiCalls);
            assertThat(context.getBean(MeterRegistry.class).find(RequestMetricsSection.TIMER).timers())
                    .hasSize(OrchestrationOperation.values().length);
            HealthIndicator health = context.getBean(OrchestrationHealthAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME,
                    HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            assertThat(SpringApplication.exit(context)).isZero();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
