package io.github.formancecommunity.orchestration.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named steps run in order. Once a step fails, the following steps are skipped, except those marked
 * {@link Step#always() always} (clean-up), which still run.
 */
final class Scenario {

    private static final Logger LOG = LoggerFactory.getLogger(Scenario.class);

    private final List<Step> steps;

    Scenario(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    /** The steps, in order. */
    List<Step> steps() {
        return steps;
    }

    /** Runs the steps and reports what each did. Never throws for a failing step. */
    ScenarioReport run() {
        long start = System.nanoTime();
        List<StepResult> results = new ArrayList<>();
        boolean failed = false;
        for (Step step : steps) {
            if (failed && !step.always()) {
                results.add(StepResult.skipped(step.name()));
                continue;
            }
            StepResult result = runStep(step);
            failed |= result.status() == StepResult.Status.FAILED;
            results.add(result);
        }
        return new ScenarioReport(results, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static StepResult runStep(Step step) {
        StepRecorder recorder = new StepRecorder();
        long start = System.nanoTime();
        try {
            step.action().run(recorder);
            return new StepResult(step.name(), StepResult.Status.SUCCEEDED, recorder.rows(), null, since(start));
        }
        catch (RuntimeException ex) {
            LOG.debug("Step '{}' failed", step.name(), ex);
            return new StepResult(step.name(), StepResult.Status.FAILED, recorder.rows(), Failures.describe(ex),
                    since(start));
        }
    }

    private static long since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
