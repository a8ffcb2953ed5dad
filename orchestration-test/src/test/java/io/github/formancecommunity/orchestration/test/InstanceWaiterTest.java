package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.InstanceWaiter;
import io.github.formancecommunity.orchestration.client.InstanceWaiter.StageState;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.OrchestrationWaitException;
import io.github.formancecommunity.orchestration.client.OrchestrationWaitTimeoutException;
import io.github.formancecommunity.orchestration.client.model.StageDelay;
import io.github.formancecommunity.orchestration.client.model.StageStatus;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;

/** The wait helpers against the embedded server, including the event sent before its wait_event stage runs. */
class InstanceWaiterTest {

    private static EmbeddedOrchestrationServer server;
    private static OrchestrationV1Client client;
    private static InstanceWaiter waiter;

    @BeforeAll
    static void start() {
        server = EmbeddedOrchestrationServer.startDefault();
        client = server.newClient();
        // tag::waiter[]
        waiter = InstanceWaiter.of(client).withTimeout(Duration.ofSeconds(20))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
        // end::waiter[]
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    /** A delay before the wait_event stage: an event sent right after the run starts arrives too early. */
    private static Workflow delayThenWait(String delay, String event) {
        return client.createWorkflow(WorkflowConfig.of("delay-then-wait",
                WorkflowStage.delay(StageDelay.ofDuration(delay)), WorkflowStage.waitEvent(event)));
    }

    @Test
    void anEventSentBeforeTheWaitEventStageRunsIsDropped() {
        Workflow workflow = delayThenWait("1s", "go");
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        client.sendEvent(instance.id(), "go"); // 204, dropped: stage 0 (delay) is running

        WorkflowInstanceHistory waiting = waiter.untilWaitingFor(instance.id(), "go");
        assertThat(waiting.name()).isEqualTo("RunWaitEvent");
        assertThat(waiting.terminated()).isFalse();
        assertThat(client.getInstance(instance.id()).terminated()).isFalse();
    }

    @Test
    void sendEventWhenWaitingDeliversTheEventOnceTheStageWaits() {
        Workflow workflow = delayThenWait("300ms", "go");
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        // tag::send-event-when-waiting[]
        waiter.sendEventWhenWaiting(instance.id(), "go"); // waits until the wait_event stage runs, then sends

        WorkflowInstance ended = waiter.untilTerminated(instance.id());
        // end::send-event-when-waiting[]
        assertThat(ended.terminated()).isTrue();
        assertThat(ended.isFailed()).isFalse();
        assertThat(ended.status()).extracting(StageStatus::stageNumber).containsExactly(0, 1);
    }

    @Test
    void untilStageReturnsTheRowOnceTheStageReachesTheState() {
        Workflow workflow = delayThenWait("200ms", "go");
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        StageStatus delay = waiter.untilStage(instance.id(), 0, StageState.SUCCEEDED);
        StageStatus wait = waiter.untilStage(instance.id(), 1, StageState.STARTED);

        assertThat(delay.isTerminated()).isTrue();
        assertThat(delay.error()).isNull();
        assertThat(wait.stageNumber()).isEqualTo(1);
        assertThat(wait.isTerminated()).isFalse();
    }

    @Test
    void untilWaitingForTimesOutSayingWhatWasLastSeen() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("wait", WorkflowStage.waitEvent("other")));
        WorkflowInstance instance = client.runWorkflow(workflow.id());
        InstanceWaiter quick = waiter.withTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> quick.untilWaitingFor(instance.id(), "go"))
                .isInstanceOf(OrchestrationWaitTimeoutException.class)
                .isInstanceOf(OrchestrationTimeoutException.class)
                .hasMessageContaining("instance " + instance.id() + " to wait for event 'go'")
                .hasMessageContaining("last seen: history entry 0 RunWaitEvent(other) running")
                .satisfies(ex -> assertThat(((OrchestrationWaitTimeoutException) ex).waited())
                        .isGreaterThanOrEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void untilTerminatedTimesOutWhileTheInstanceWaits() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("wait", WorkflowStage.waitEvent("never")));
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        assertThatThrownBy(() -> waiter.withTimeout(Duration.ofMillis(150)).untilTerminated(instance.id()))
                .isInstanceOf(OrchestrationWaitTimeoutException.class)
                .hasMessageContaining("instance " + instance.id() + " to terminate")
                .hasMessageContaining("last seen: instance running, stage 0 running");
    }

    @Test
    void untilStageTimesOutWhileTheStageRuns() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("wait", WorkflowStage.waitEvent("never")));
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        assertThatThrownBy(() -> waiter.withTimeout(Duration.ofMillis(150))
                .untilStage(instance.id(), 0, StageState.TERMINATED))
                .isInstanceOf(OrchestrationWaitTimeoutException.class)
                .hasMessageContaining("stage 0 of instance " + instance.id() + " to be terminated");
    }

    @Test
    void aWaitThatCanNoLongerHappenEndsAtOnce() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("short",
                WorkflowStage.delay(StageDelay.ofDuration("10ms"))));
        WorkflowInstance instance = client.runWorkflow(workflow.id());
        waiter.untilTerminated(instance.id());

        assertThatThrownBy(() -> waiter.untilWaitingFor(instance.id(), "go"))
                .isInstanceOf(OrchestrationWaitException.class)
                .hasMessageContaining("can no longer happen")
                .hasMessageContaining("instance terminated");
        assertThatThrownBy(() -> waiter.untilStage(instance.id(), 3, StageState.STARTED))
                .isInstanceOf(OrchestrationWaitException.class);
        assertThatThrownBy(() -> waiter.untilStage(instance.id(), 0, StageState.FAILED))
                .isInstanceOf(OrchestrationWaitException.class);
    }

    @Test
    void aFailedStageEndsAWaitForSuccess() {
        // A send without amount is accepted at creation and fails when the stage runs (SERVER-BEHAVIOUR P5).
        Workflow workflow = client.createWorkflow(Workflows.sendWithoutAmount());
        WorkflowInstance instance = client.runWorkflow(workflow.id());

        assertThat(waiter.untilStage(instance.id(), 0, StageState.FAILED).error()).isNotBlank();
        assertThatThrownBy(() -> waiter.untilStage(instance.id(), 0, StageState.SUCCEEDED))
                .isInstanceOf(OrchestrationWaitException.class)
                .hasMessageContaining("failed");
    }

    @Test
    void runWorkflowAndWaitIsTheNamedFormOfWaitTrue() {
        Workflow workflow = client.createWorkflow(WorkflowConfig.of("short",
                WorkflowStage.delay(StageDelay.ofDuration("10ms"))));

        WorkflowInstance instance = client.runWorkflowAndWait(workflow.id(), Map.of());

        assertThat(server.lastExchange().orElseThrow().query()).containsEntry("wait", List.of("true"));
        assertThat(waiter.untilTerminated(instance.id()).isFailed()).isFalse();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> waiter.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> waiter.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max back-off");
        assertThatThrownBy(() -> waiter.untilTerminated(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instanceId");
        assertThatThrownBy(() -> waiter.untilStage("x", -1, StageState.STARTED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
