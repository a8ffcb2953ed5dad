package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the sample as {@code main} does, without a Formance Stack configured: it must start the embedded server with
 * OAuth2 on, call every operation through the starter, print the report and exit with 0.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleOnEmbeddedServerTest {

    private ConfigurableApplicationContext context;
    private String output;
    private ScenarioReport report;
    private EmbeddedOrchestrationServer server;
    private List<ReceivedExchange> exchanges;
    private int exitCode;
    private String clientSecret;
    private MeterRegistry meterRegistry;
    private CircuitBreaker breaker;

    @BeforeAll
    void runTheSample(CapturedOutput captured) {
        // A blank base-url (as an empty environment variable would give) counts as unset.
        context = SampleApplication.application(false).run("--formance.orchestration.base-url=");
        report = context.getBean(SampleRunner.class).report();
        server = context.getBean(EmbeddedOrchestrationServer.class);
        exchanges = server.exchanges();
        clientSecret = context.getEnvironment().getProperty("formance.orchestration.auth.client-secret");
        meterRegistry = context.getBean(MeterRegistry.class);
        breaker = context.getBean(OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME,
                CircuitBreaker.class);
        exitCode = SpringApplication.exit(context);
        output = captured.getOut();
    }

    @AfterAll
    void close() {
        context.close();
    }

    @Test
    void everyStepSucceedsAndTheExitCodeIsZero() {
        assertThat(report.steps()).extracting(StepResult::name).containsExactly("Read server info",
                "Create the workflow", "Run the workflow", "Send the event", "Wait for the end",
                "Inspect the instance", "Manage a trigger", "Cancel a second instance", "Clean up");
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.status())
                .as(step.name() + ": " + step.failure()).isEqualTo(StepResult.Status.SUCCEEDED));
        assertThat(exitCode).isZero();
    }

    @Test
    void callsAllSeventeenOperationsAndTheServerAnswersEachWithItsSuccessStatus() {
        assertThat(report.operationsSucceeded()).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(OrchestrationOperation.class));
        List<ReceivedExchange> apiCalls = exchanges.stream().filter(exchange -> exchange.operation() != null)
                .toList();
        Set<OrchestrationOperation> received = apiCalls.stream().map(ReceivedExchange::operation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrchestrationOperation.class)));
        assertThat(received).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(OrchestrationOperation.class));
        assertThat(apiCalls).allSatisfy(exchange -> assertThat(exchange.status())
                .as(exchange.method() + " " + exchange.path()).isEqualTo(exchange.operation().successStatus()));
    }

    @Test
    void startsTheEmbeddedServerWithOAuth2AndTheStarterFetchesTokens() {
        assertThat(server.isAuthEnabled()).isTrue();
        assertThat(exchanges).filteredOn(ReceivedExchange::isTokenRequest).isNotEmpty()
                .allSatisfy(exchange -> assertThat(exchange.status()).isEqualTo(200));
        assertThat(exchanges).filteredOn(exchange -> exchange.operation() != null
                && exchange.operation() != OrchestrationOperation.GET_SERVER_INFO)
                .allSatisfy(exchange -> assertThat(exchange.requestHeader("Authorization"))
                        .contains("Bearer [REDACTED]"));
        assertThat(output).contains("Target: embedded Orchestration server " + server.apiUrl()
                + ", OAuth2 client credentials (client 'sample-app')");
    }

    @Test
    void leavesNothingBehind() {
        assertThat(server.workflows()).isNotEmpty().allSatisfy(workflow -> assertThat(workflow.isDeleted()).isTrue());
        assertThat(server.triggers()).isEmpty();
        assertThat(server.instances()).hasSize(3).allSatisfy(instance -> assertThat(instance.terminated()).isTrue());
    }

    @Test
    void runsTheWorkflowToItsEndAndCancelsTheSecondInstance() {
        String workflowId = server.workflows().stream().map(Workflow::id).findFirst().orElseThrow();
        List<WorkflowInstance> instances = server.instances();
        assertThat(instances).allSatisfy(instance -> assertThat(instance.workflowID()).isEqualTo(workflowId));
        WorkflowInstance first = instances.get(0);
        assertThat(first.error()).isNull();
        assertThat(first.status()).hasSize(3);
        // The second instance comes from the trigger (emitted event), the third is the one the tour cancels.
        assertThat(instances.get(2).error()).isEqualTo("canceled");
        assertThat(server.exchanges(OrchestrationOperation.SEND_EVENT)).singleElement()
                .satisfies(exchange -> assertThat(exchange.requestBody()).contains("sample-approved"));
    }

    @Test
    void printsATablePerStepAndTheOutcome() {
        for (StepResult step : report.steps()) {
            assertThat(output).contains("] " + step.name() + ": OK (");
        }
        for (OrchestrationOperation operation : OrchestrationOperation.values()) {
            assertThat(output).contains("  " + operation.operationId() + " ");
        }
        assertThat(output).contains("Result: OK", "operations: 17 of 17 succeeded at least once", "exit code: 0",
                "server.emitEvent", "error 'canceled'", "CreateTransaction: tx 0, world -> users:sample 100 EUR/2");
    }

    @Test
    void reportsOneTimerSeriesPerOperationAndTheBreakerThatSawEveryCall() {
        long apiCalls = exchanges.stream().filter(exchange -> exchange.operation() != null).count();
        Collection<Timer> timers = meterRegistry.find(RequestMetricsSection.TIMER).timers();
        assertThat(timers).extracting(timer -> timer.getId().getTag("operation"))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(OrchestrationOperation.class).stream()
                        .map(OrchestrationOperation::operationId).toList());
        assertThat(timers).allSatisfy(timer -> assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS"));
        assertThat(timers.stream().mapToLong(Timer::count).sum()).isEqualTo(apiCalls);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo((int) apiCalls);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();

        assertThat(output).contains("Request metrics (timer formance.orchestration.client.requests)",
                apiCalls + " timed request(s), 17 series", "Circuit breaker 'formance-orchestration'")
                .containsPattern("\\n  CLOSED +" + apiCalls + " +0 +0 +0 +" + apiCalls + " ")
                .containsPattern("\\n  getInstanceHistory +GET +200 +SUCCESS +none +1 ");
    }

    @Test
    void neverPrintsTheClientSecret() {
        assertThat(clientSecret).hasSizeGreaterThan(20);
        assertThat(output).doesNotContain(clientSecret);
    }

    @Test
    void startsNoWebServerWithoutTheKeepRunningFlag() {
        assertThat(context.getEnvironment().getProperty("local.server.port")).isNull();
        assertThat(output).doesNotContain("Keeping running");
    }
}
