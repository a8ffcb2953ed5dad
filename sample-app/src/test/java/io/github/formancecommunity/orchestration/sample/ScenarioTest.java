package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

class ScenarioTest {

    @Test
    void skipsTheStepsAfterAFailureButRunsTheAlwaysSteps() {
        List<String> ran = new ArrayList<>();
        Scenario scenario = new Scenario(List.of(
                Step.of("one", recorder -> ran.add("one")),
                Step.of("two", recorder -> {
                    ran.add("two");
                    recorder.call(OrchestrationOperation.LIST_WORKFLOWS, "all", () -> {
                        throw new IllegalStateException("boom");
                    }, value -> "never");
                }),
                Step.of("three", recorder -> ran.add("three")),
                Step.always("clean", recorder -> ran.add("clean"))));

        ScenarioReport report = scenario.run();

        assertThat(ran).containsExactly("one", "two", "clean");
        assertThat(report.steps()).extracting(StepResult::status).containsExactly(StepResult.Status.SUCCEEDED,
                StepResult.Status.FAILED, StepResult.Status.SKIPPED, StepResult.Status.SUCCEEDED);
        assertThat(report.succeeded()).isFalse();
        StepResult failed = report.firstFailure().orElseThrow();
        assertThat(failed.name()).isEqualTo("two");
        assertThat(failed.failure()).isEqualTo("IllegalStateException: boom");
        assertThat(failed.rows()).singleElement().satisfies(row -> {
            assertThat(row.succeeded()).isFalse();
            assertThat(row.result()).isEqualTo("IllegalStateException: boom");
        });
        assertThat(report.operationsSucceeded()).isEmpty();
    }

    @Test
    void countsOnlyTheOperationsThatSucceeded() {
        Scenario scenario = new Scenario(List.of(Step.of("calls", recorder -> {
            recorder.call(OrchestrationOperation.GET_SERVER_INFO, "server", () -> "v1", value -> value);
            recorder.call(OrchestrationOperation.DELETE_TRIGGER, "trigger", () -> { }, "deleted");
            recorder.local("local", "thing", () -> 1, value -> "done");
            recorder.note("note", "text");
        })));

        ScenarioReport report = scenario.run();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.operationsSucceeded()).containsExactlyInAnyOrder(OrchestrationOperation.GET_SERVER_INFO,
                OrchestrationOperation.DELETE_TRIGGER);
        assertThat(report.steps().get(0).rows()).extracting(CallRow::actionLabel)
                .containsExactly("orchestrationgetServerInfo", "deleteTrigger", "local", "-");
    }

    @Test
    void pollingStopsAtTheFirstSatisfyingResultAndMakesOneRow() {
        AtomicInteger calls = new AtomicInteger();
        StepRecorder recorder = new StepRecorder();

        int result = recorder.poll(OrchestrationOperation.GET_INSTANCE, "instance", calls::incrementAndGet,
                value -> value == 3, Duration.ofMinutes(1), Duration.ofMillis(1), value -> "got " + value,
                value -> "still " + value);

        assertThat(result).isEqualTo(3);
        assertThat(recorder.rows()).singleElement().satisfies(row -> {
            assertThat(row.calls()).isEqualTo(3);
            assertThat(row.actionLabel()).isEqualTo("getInstance x3");
            assertThat(row.result()).isEqualTo("got 3");
        });
    }

    @Test
    void pollingGivesUpAfterTheTimeoutWithTheLastState() {
        AtomicInteger calls = new AtomicInteger();
        StepRecorder recorder = new StepRecorder();

        assertThatThrownBy(() -> recorder.poll(OrchestrationOperation.GET_INSTANCE, "instance",
                calls::incrementAndGet, value -> false, Duration.ofMillis(30), Duration.ofMillis(1),
                value -> "got " + value, value -> "still at " + value))
                .isInstanceOf(StepFailedException.class)
                .hasMessageMatching("still at \\d+ after 30ms \\(\\d+ getInstance calls\\)");
        assertThat(recorder.rows()).singleElement().satisfies(row -> {
            assertThat(row.succeeded()).isFalse();
            assertThat(row.calls()).isEqualTo(calls.get());
        });
    }

    @Test
    void pollAtMostReturnsTheLastResultWhenTheTimeIsUp() {
        AtomicInteger calls = new AtomicInteger();
        StepRecorder recorder = new StepRecorder();

        int result = recorder.pollAtMost(OrchestrationOperation.GET_INSTANCE, "instance", calls::incrementAndGet,
                value -> false, Duration.ofMillis(30), Duration.ofMillis(1), value -> "last " + value);

        assertThat(result).isEqualTo(calls.get());
        assertThat(recorder.rows()).singleElement().satisfies(row -> {
            assertThat(row.succeeded()).isTrue();
            assertThat(row.result()).isEqualTo("last " + result);
        });
    }

    @Test
    void refusesAnEmptyScenario() {
        assertThatThrownBy(() -> new Scenario(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
