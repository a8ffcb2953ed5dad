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

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.ReceivedExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the sample through its development-time main ({@link TestSampleApplication}), with nothing configured: the
 * embedded server must start with the application, the starter's client must reach it through the connection
 * details it contributes (no {@code formance.orchestration.base-url}), call every operation, print the report and
 * exit with 0.
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
    private String baseUrlProperty;
    private OrchestrationConnectionDetails connection;
    private OrchestrationV1 client;
    private MeterRegistry meterRegistry;
    private CircuitBreaker breaker;

    @BeforeAll
    void runTheSample(CapturedOutput captured) {
        context = TestSampleApplication.start();
        report = context.getBean(SampleRunner.class).report();
        server = context.getBean(EmbeddedOrchestrationServer.class);
        exchanges = server.exchanges();
        baseUrlProperty = context.getEnvironment().getProperty("formance.orchestration.base-url");
        connection = context.getBean(OrchestrationConnectionDetails.class);
        client = context.getBean(OrchestrationV1.class);
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
    void theClientReachesTheEmbeddedServerThroughItsConnectionDetailsWithoutABaseUrl() {
        assertThat(baseUrlProperty).as("formance.orchestration.base-url").isNull();
        assertThat(connection.getBaseUrl()).isEqualTo(server.baseUrl());
        assertThat(connection.getPathPrefix()).isEqualTo(server.pathPrefix());
        assertThat(client.toString()).contains(server.baseUrl());
        assertThat(server.isAuthEnabled()).isFalse();
        assertThat(exchanges).filteredOn(ReceivedExchange::isTokenRequest).isEmpty();
        assertThat(output).contains("Target: embedded Orchestration server " + server.apiUrl()
                + ", no authentication");
    }

    @Test
    void theServerStopsWithTheApplication() {
        assertThat(context.isActive()).isFalse();
        assertThat(server.isRunning()).isFalse();
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
    void startsNoWebServerWithoutTheKeepRunningFlag() {
        assertThat(context.getEnvironment().getProperty("local.server.port")).isNull();
        assertThat(output).doesNotContain("Keeping running");
    }
}
