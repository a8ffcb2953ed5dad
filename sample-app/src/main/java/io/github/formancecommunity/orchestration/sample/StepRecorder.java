package io.github.formancecommunity.orchestration.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * Runs the calls of one step, times them and keeps one {@link CallRow} per call (or per polling loop). A call that
 * throws is recorded as a failed row and the exception is passed on, which ends the step.
 */
final class StepRecorder {

    private final List<CallRow> rows = new ArrayList<>();

    /**
     * Calls an operation that returns a value.
     *
     * @param operation the operation the call sends
     * @param what      what it is applied to, for the table
     * @param call      the call
     * @param summary   turns the result into the table's result column
     * @return the call's result
     */
    <T> T call(OrchestrationOperation operation, String what, Supplier<T> call, Function<? super T, String> summary) {
        return timed(operation, operation.operationId(), what, call, summary);
    }

    /** Calls an operation that returns nothing (the 204 operations). */
    void call(OrchestrationOperation operation, String what, Runnable call, String summary) {
        timed(operation, operation.operationId(), what, () -> {
            call.run();
            return null;
        }, ignored -> summary);
    }

    /** Runs a local action that is not an Orchestration call, such as emitting an event on the embedded server. */
    <T> T local(String action, String what, Supplier<T> call, Function<? super T, String> summary) {
        return timed(null, action, what, call, summary);
    }

    /**
     * Calls an operation until its result satisfies {@code done}, pausing {@code interval} between calls, for at
     * most {@code timeout}. The calls make one row.
     *
     * @param pending describes the last result when the time is up, for the failure message
     * @return the first result that satisfies {@code done}
     * @throws StepFailedException when {@code timeout} passes first
     */
    <T> T poll(OrchestrationOperation operation, String what, Supplier<T> call, Predicate<? super T> done,
            Duration timeout, Duration interval, Function<? super T, String> summary,
            Function<? super T, String> pending) {
        return poll(operation, what, call, done, timeout, interval, summary, pending, true);
    }

    /**
     * Like {@link #poll poll}, but when {@code timeout} passes first the last result is returned and summarised
     * like any other: for waits whose end is not guaranteed.
     */
    <T> T pollAtMost(OrchestrationOperation operation, String what, Supplier<T> call, Predicate<? super T> done,
            Duration timeout, Duration interval, Function<? super T, String> summary) {
        return poll(operation, what, call, done, timeout, interval, summary, summary, false);
    }

    private <T> T poll(OrchestrationOperation operation, String what, Supplier<T> call, Predicate<? super T> done,
            Duration timeout, Duration interval, Function<? super T, String> summary,
            Function<? super T, String> pending, boolean failOnTimeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int calls = 0;
        try {
            while (true) {
                T result = call.get();
                calls++;
                boolean finished = done.test(result);
                boolean late = System.nanoTime() - deadline >= 0;
                if (finished || (late && !failOnTimeout)) {
                    rows.add(new CallRow(operation, operation.operationId(), calls, what, summary.apply(result),
                            millisSince(start), true));
                    return result;
                }
                if (late) {
                    throw new StepFailedException(pending.apply(result) + " after " + Durations.format(timeout)
                            + " (" + calls + " " + operation.operationId() + " calls)");
                }
                pause(interval);
            }
        }
        catch (RuntimeException ex) {
            rows.add(new CallRow(operation, operation.operationId(), Math.max(calls, 1), what,
                    Failures.describe(ex), millisSince(start), false));
            throw ex;
        }
    }

    /** Adds a line that reports something without calling anything. */
    void note(String what, String text) {
        rows.add(new CallRow(null, "-", 1, what, text, 0, true));
    }

    /** The rows recorded so far. */
    List<CallRow> rows() {
        return List.copyOf(rows);
    }

    private <T> T timed(@Nullable OrchestrationOperation operation, String action, String what, Supplier<T> call,
            Function<? super T, String> summary) {
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        }
        catch (RuntimeException ex) {
            rows.add(new CallRow(operation, action, 1, what, Failures.describe(ex), millisSince(start), false));
            throw ex;
        }
        long elapsed = millisSince(start);
        rows.add(new CallRow(operation, action, 1, what, summary.apply(result), elapsed, true));
        return result;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StepFailedException("interrupted while polling");
        }
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
