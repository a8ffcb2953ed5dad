package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.Fault;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the sample with {@code formance.orchestration.base-url} and credentials set, as against a real stack (here
 * a server the test starts and controls) through the production main: the sample must not start a server of its
 * own, a failing call must fail the run with the step named and a non-zero exit code, and without a base URL the
 * application must not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleOnConfiguredStackTest {

    private static final String CLIENT_ID = "stack-client";
    private static final String CLIENT_SECRET = "stack-secret-do-not-print";

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
    void talksToTheConfiguredStackAndStartsNoServerOfItsOwn(CapturedOutput output) {
        int exitCode;
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBeanProvider(EmbeddedOrchestrationServer.class).getIfAvailable()).isNull();
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isZero();
        assertThat(stack.exchanges().stream().map(ReceivedExchange::operation).filter(op -> op != null)
                .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(
                        EnumSet.allOf(OrchestrationOperation.class));
        assertThat(output.getOut()).contains("Target: Formance Stack " + stack.apiUrl()
                + ", OAuth2 client credentials (client 'stack-client')",
                "not emitted: only the embedded server can emit SAMPLE_PAYMENT_SAVED", "Result: OK")
                .doesNotContain(CLIENT_SECRET);
        // No event was emitted, so the trigger never fired.
        assertThat(stack.instances()).hasSize(2);
    }

    @Test
    void aFailingCallFailsItsStepSkipsTheNextOnesCleansUpAndExitsWithOne(CapturedOutput output) {
        stack.failNext(OrchestrationOperation.CREATE_TRIGGER, 500);

        ScenarioReport report;
        int exitCode;
        try (ConfigurableApplicationContext context = run()) {
            report = context.getBean(SampleRunner.class).report();
            Timer failedCalls = context.getBean(MeterRegistry.class).find(RequestMetricsSection.TIMER)
                    .tag("operation", "createTrigger").tag("status", "500").timer();
            assertThat(failedCalls).isNotNull().extracting(Timer::count).isEqualTo(1L);
            CircuitBreaker breaker = context.getBean(
                    OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME, CircuitBreaker.class);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isEqualTo(SampleRunner.FAILED);
        assertThat(report.firstFailure()).get().extracting(StepResult::name).isEqualTo("Manage a trigger");
        assertThat(report.steps()).extracting(StepResult::name, StepResult::status).endsWith(
                org.assertj.core.groups.Tuple.tuple("Manage a trigger", StepResult.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("Cancel a second instance", StepResult.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Clean up", StepResult.Status.SUCCEEDED));
        assertThat(output.getOut()).contains("[7/9] Manage a trigger: FAILED",
                "FAILED: createTrigger failed: HTTP 500 INTERNAL",
                "Result: FAILED at step 'Manage a trigger': createTrigger failed: HTTP 500",
                "[8/9] Cancel a second instance: SKIPPED", "exit code: 1")
                .containsPattern("\\n  createTrigger +POST +500 +SERVER_ERROR +INTERNAL +1 ");
        // Clean-up still ran: the workflow is deleted and the first instance had already ended.
        assertThat(stack.workflows()).singleElement().satisfies(workflow -> assertThat(workflow.isDeleted()).isTrue());
        assertThat(stack.exchanges(OrchestrationOperation.DELETE_WORKFLOW)).singleElement()
                .satisfies(exchange -> assertThat(exchange.status()).isEqualTo(204));
    }

    @Test
    void anAnswerThatContradictsWhatWasDoneFailsTheStepThoughTheCallSucceeded(CapturedOutput output) {
        stack.inject(Fault.on(OrchestrationOperation.LIST_WORKFLOWS).respond(200, "{\"data\":[]}",
                "application/json"));

        int exitCode;
        try (ConfigurableApplicationContext context = run()) {
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isEqualTo(SampleRunner.FAILED);
        assertThat(output.getOut()).containsPattern("\\n  listWorkflows +all workflows +0 workflow\\(s\\), ours missing ")
                .containsPattern("Result: FAILED at step 'Create the workflow': listWorkflows did not return workflow"
                        + " [0-9a-f-]{36}\\n");
        assertThat(stack.workflows()).singleElement().satisfies(workflow -> assertThat(workflow.isDeleted()).isTrue());
    }

    @Test
    void aFailingPollFailsTheStepAtTheFirstError(CapturedOutput output) {
        stack.failNext(OrchestrationOperation.GET_INSTANCE, 500, 1000);

        int exitCode;
        try (ConfigurableApplicationContext context = run()) {
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isEqualTo(SampleRunner.FAILED);
        assertThat(stack.exchanges(OrchestrationOperation.GET_INSTANCE)).hasSize(1);
        assertThat(output.getOut()).contains("Result: FAILED at step 'Send the event': getInstance failed: HTTP 500");
    }

    @Test
    void anInstanceThatDoesNotEndInTimeFailsTheWaitAndCleanUpCancelsIt(CapturedOutput output) {
        int exitCode;
        try (ConfigurableApplicationContext context = run("--sample.delay=1h", "--sample.instance-timeout=300ms",
                "--sample.poll-interval=20ms")) {
            exitCode = SpringApplication.exit(context);
        }

        assertThat(exitCode).isEqualTo(SampleRunner.FAILED);
        assertThat(output.getOut()).containsPattern("Result: FAILED at step 'Wait for the end': instance \\S+ is still"
                + " running, at stage #2 \\(delay\\) after 300ms \\(\\d+ getInstance calls\\)");
        assertThat(stack.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.terminated()).isTrue();
            assertThat(instance.error()).isEqualTo("canceled");
        });
        assertThat(stack.workflows()).singleElement().satisfies(workflow -> assertThat(workflow.isDeleted()).isTrue());
    }

    @Test
    void withoutABaseUrlTheProductionMainFailsToStartNamingTheProperty(CapturedOutput output) {
        // A blank base-url (as an empty environment variable would give) counts as unset.
        assertThatThrownBy(() -> SampleApplication.start("--formance.orchestration.base-url="))
                .rootCause().isInstanceOf(InvalidOrchestrationPropertyException.class)
                .satisfies(failure -> assertThat(((InvalidOrchestrationPropertyException) failure).property())
                        .isEqualTo("formance.orchestration.base-url"));

        assertThat(output.getOut()).doesNotContain("Formance Orchestration V1 sample");
        assertThat(stack.exchanges()).isEmpty();
    }

    private ConfigurableApplicationContext run(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--formance.orchestration.base-url=" + stack.baseUrl(),
                "--formance.orchestration.auth.client-id=" + CLIENT_ID,
                "--formance.orchestration.auth.client-secret=" + CLIENT_SECRET));
        args.addAll(List.of(extraArgs));
        return SampleApplication.start(args.toArray(String[]::new));
    }
}
