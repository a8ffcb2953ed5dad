package io.github.formancecommunity.orchestration.benchmarks;

import java.util.Collection;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH result: a benchmark method for one client.
 *
 * @param benchmark       {@code LatencyBenchmark.getWorkflow} and the like
 * @param client          the {@code client} parameter (or the {@code decorations} one)
 * @param score           the primary score (µs/op or ops/s)
 * @param error           its 99.9 % confidence half-width, NaN when there were too few iterations
 * @param unit            the score's unit
 * @param allocBytesPerOp {@code gc.alloc.rate.norm}, NaN without the GC profiler
 */
record Figure(String benchmark, String client, double score, double error, String unit, double allocBytesPerOp) {

    /** The figures of a JMH run. */
    static java.util.List<Figure> of(Collection<RunResult> results) {
        return results.stream().map(Figure::of).toList();
    }

    static Figure of(RunResult run) {
        String name = run.getParams().getBenchmark();
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        Result<?> primary = run.getPrimaryResult();
        Map<String, Result> secondary = run.getSecondaryResults();
        Result<?> alloc = secondary.get("gc.alloc.rate.norm");
        if (alloc == null) {
            alloc = secondary.get("\u00b7gc.alloc.rate.norm");
        }
        String client = run.getParams().getParam("client");
        if (client == null) {
            client = run.getParams().getParam("decorations");
        }
        return new Figure(name.substring(type + 1), client, primary.getScore(),
                primary.getScoreError(), primary.getScoreUnit(), alloc == null ? Double.NaN : alloc.getScore());
    }
}
