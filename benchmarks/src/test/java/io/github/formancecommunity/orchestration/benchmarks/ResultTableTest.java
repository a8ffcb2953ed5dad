package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final String LATENCY = "LatencyBenchmark.getWorkflow";
    private static final String THROUGHPUT = "ThroughputBenchmark.getWorkflow";

    @Test
    void computesTheRatiosAndVerdicts() {
        List<Figure> figures = List.of(
                new Figure(LATENCY, "starter", 130, 2, "us/op", 45_000),
                new Figure(LATENCY, "plain", 110, 2, "us/op", 40_000),
                new Figure(LATENCY, "jdk", 100, 2, "us/op", 20_000),
                new Figure(THROUGHPUT, "starter", 9_000, 100, "ops/s", 45_000),
                new Figure(THROUGHPUT, "plain", 9_500, 100, "ops/s", 40_000),
                new Figure(THROUGHPUT, "jdk", 10_000, 100, "ops/s", 20_000));
        StartupComparison.Summary without = new StartupComparison.Summary(15, 400, 380, 450, 900, 10.0, 50, 1500, 4000);
        StartupComparison.Summary with = new StartupComparison.Summary(15, 520, 500, 600, 1050, 14.5, 80, 1800, 6000);

        String table = new ResultTable(figures, new StartupComparison.Result(with, without), null, "test machine",
                "test settings").render();

        assertThat(table)
                .contains("| getWorkflow | 130.0 ± 2.0 | 110.0 ± 2.0 | 100.0 ± 2.0 | 1.30 | 1.10 | +30.0 |")
                .contains("| getWorkflow | 45,000 | 40,000 | 20,000 | 2.25 | 2.00 |")
                .contains("| getWorkflow | 9000 ± 100 | 9500 ± 100 | 10000 ± 100 | 0.90 | 0.95 |")
                .contains("met: throughput (a)/(c), getWorkflow, 16 threads: 0.90 ± 0.01")
                .contains("MISSED: added latency (a)−(c), getWorkflow: 30.0 ± 2.8 µs")
                .contains("MISSED: allocation (a)/(c), getWorkflow: 2.25")
                .contains("The starter adds 120 ms to context start-up (300 ms of process CPU time), 4.5 MB of heap and 2000 loaded classes.")
                .contains("met: start-up added by the starter: 120 ms");
    }

    @Test
    void aDifferenceWithinTheErrorIsUnresolvedNotMissed() {
        List<Figure> figures = List.of(new Figure("LatencyBenchmark.listInstances", "starter", 15_040, 30, "us/op", 1),
                new Figure("LatencyBenchmark.listInstances", "jdk", 15_000, 40, "us/op", 1));

        String table = new ResultTable(figures, null, null, "m", "s").render();

        assertThat(table).contains("- UNRESOLVED: added latency (a)−(c), listInstances: 40.0 ± 50.0 µs");
    }

    @Test
    void aThroughputRatioWhoseErrorReachesTheTargetIsUnresolved() {
        List<Figure> near = List.of(new Figure(THROUGHPUT, "starter", 8_000, 800, "ops/s", 1),
                new Figure(THROUGHPUT, "jdk", 10_000, 500, "ops/s", 1));
        List<Figure> far = List.of(new Figure(THROUGHPUT, "starter", 5_000, 100, "ops/s", 1),
                new Figure(THROUGHPUT, "jdk", 10_000, 100, "ops/s", 1));

        assertThat(new ResultTable(near, null, null, "m", "s").render())
                .contains("- UNRESOLVED: throughput (a)/(c), getWorkflow, 16 threads: 0.80 ± 0.09");
        assertThat(new ResultTable(far, null, null, "m", "s").render())
                .contains("- MISSED: throughput (a)/(c), getWorkflow, 16 threads: 0.50 ± 0.01");
    }

    @Test
    void pricesEachDecorationAgainstNone() {
        List<Figure> figures = List.of(new Figure("DecorationBenchmark.getWorkflow", "none", 20, 1, "ns/op", 24),
                new Figure("DecorationBenchmark.getWorkflow", "metrics", 95, 2, "ns/op", 24),
                new Figure("DecorationBenchmark.getWorkflow", "all", 260, 5, "ns/op", 120));

        String table = new ResultTable(figures, null, null, "m", "s").render();

        assertThat(table).contains("| metrics | 95.0 ± 2.0 | +75.0 | 24 | +0 |")
                .contains("| all | 260.0 ± 5.0 | +240.0 | 120 | +96 |");
    }

    @Test
    void showsMissingClientsAsNotAvailable() {
        List<Figure> figures = List.of(new Figure(LATENCY, "plain", 110, Double.NaN, "us/op", 40_000),
                new Figure(LATENCY, "jdk", 100, Double.NaN, "us/op", 20_000));

        String table = new ResultTable(figures, null, "skipped", "m", "s").render();

        assertThat(table).contains("| getWorkflow | n/a | 110.0 | 100.0 | n/a | 1.10 | n/a |")
                .contains("Start-up skipped.")
                .doesNotContain("added latency");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(StartupComparison.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(StartupComparison.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
    }

    @Test
    void parsesTheProbeLine() {
        StartupComparison.Sample sample = StartupComparison.Sample.parse(
                "STARTUP contextMillis=412.5 uptimeMillis=980 heapBytes=12345678 beans=77 client=true cpuMillis=1500 classes=5000");
        assertThat(sample).isEqualTo(new StartupComparison.Sample(412.5, 980, 12345678, 77, true, 1500, 5000));
    }
}
