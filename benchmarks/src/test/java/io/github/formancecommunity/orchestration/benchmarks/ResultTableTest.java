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

        String table = new ResultTable(figures, startup(520), null, "test machine", "test settings").render();

        assertThat(table)
                .contains("| getWorkflow | 130.0 ± 2.0 | 110.0 ± 2.0 | 100.0 ± 2.0 | 1.30 | 1.10 | +30.0 |")
                .contains("| getWorkflow | 45,000 | 40,000 | 20,000 | 2.25 | 2.00 |")
                .contains("| getWorkflow | 9000 ± 100 | 9500 ± 100 | 10000 ± 100 | 0.90 | 0.95 |")
                .contains("met: throughput (a)/(c), getWorkflow, 16 threads: 0.90 ± 0.01")
                .contains("MISSED: added latency (a)−(c), getWorkflow: 30.0 ± 2.8 µs")
                .contains("MISSED: allocation (a)/(c), getWorkflow: 2.25");
    }

    @Test
    void showsOneStartupRowPerSideAndWhatEachModeAdds() {
        String table = new ResultTable(List.of(), startup(520), null, "m", "s").render();

        assertThat(table)
                .contains("| spring-boot-starter only | 15 | 400 | 380–450 | 900 | 1500 | 4000 | 0 | 4010 | 10.0 | 50 | n/a |")
                .contains("| starter, default (background) | 15 | 520 | 500–600 | 1050 | 1800 | 6000 | 480 | 9000 | 14.5 | 81 | 35 |")
                .contains("| starter, initialization=eager | 15 | 1000 | 950–1100 | 1500 | 2600 | 9000 | 0 | 9005 | 15.0 | 80 | 30 |")
                .contains("| starter, initialization=lazy | 15 | 510 | 490–590 | 1040 | 1790 | 5990 | 0 | 6000 | 12.0 | 80 | 520 |")
                .contains("Default initialization (background): the starter adds 120 ms to context start-up "
                        + "(300 ms of process CPU time), 4.5 MB of heap and 2000 classes loaded when ready; its warm-up "
                        + "thread then builds the client in 480 ms after the application is ready (4990 classes more "
                        + "than the baseline by then), and the first call takes 35 ms.")
                .contains("`initialization=eager`: the starter adds 600 ms to context start-up (1100 ms of process "
                        + "CPU time), 5.0 MB of heap and 5000 classes loaded when ready; the client is built while the "
                        + "context starts, and the first call takes 30 ms.")
                .contains("`initialization=lazy`: the starter adds 110 ms to context start-up (290 ms of process "
                        + "CPU time), 2.0 MB of heap and 1990 classes loaded when ready; the first call builds the "
                        + "client and takes 520 ms.")
                .contains("- MISSED: start-up added by the starter, default initialization (background): 120 ms "
                        + "(target ≤ 100 ms; for comparison initialization=eager adds 600 ms, lazy 110 ms)");
    }

    @Test
    void theStartupVerdictIsJudgedOnTheDefaultSideOnly() {
        // Background adds 200 ms: missed, as lazy (110 ms) would be; the verdict names the default only.
        String table = new ResultTable(List.of(), startup(600), null, "m", "s").render();

        assertThat(table).contains("- MISSED: start-up added by the starter, default initialization (background): "
                + "200 ms (target ≤ 100 ms; for comparison initialization=eager adds 600 ms, lazy 110 ms)");
    }

    @Test
    void showsTheFiguresPairedByRoundBesideTheVerdict() {
        StartupComparison.Result plain = startup(560);
        StartupComparison.Result paired = new StartupComparison.Result(plain.baseline(), plain.background(),
                plain.eager(), plain.lazy(), null, null, new StartupComparison.Paired(45, 130.4, 17.2),
                new StartupComparison.Paired(45, 121.6, 19.5));

        String table = new ResultTable(List.of(), paired, null, "m", "s").render();

        assertThat(table)
                .contains("Paired by round (the median over the 45 rounds of a side's start-up minus the baseline's in "
                        + "the same round, steadier than the difference of the medians): the default initialization "
                        + "adds 130 ms ± 17 ms, `initialization=lazy` 122 ms ± 20 ms (standard errors).")
                .as("the verdict stays on the difference of the medians, and names the paired figure")
                .contains("- MISSED: start-up added by the starter, default initialization (background): 160 ms "
                        + "(target ≤ 100 ms; paired by round 130 ms ± 17 ms; for comparison");
        assertThat(new ResultTable(List.of(), plain, null, "m", "s").render()).doesNotContain("Paired by round");
    }

    @Test
    void showsTheSpringCloudClientBesideTheStarterPerCall() {
        List<Figure> figures = List.of(
                new Figure(LATENCY, "starter", 130, 2, "us/op", 45_000),
                new Figure(LATENCY, "cloud", 140, 3, "us/op", 47_000),
                new Figure("LatencyBenchmark.runWorkflow", "cloud", 150, 3, "us/op", 50_000));

        String table = new ResultTable(figures, null, null, "m", "s").render();

        assertThat(table)
                .contains("### Spring Cloud OpenFeign mode, per call, one thread ((d) beside (a))")
                .contains("| getWorkflow | 130.0 ± 2.0 | 140.0 ± 3.0 | +10.0 | 45,000 | 47,000 | +2,000 |")
                .contains("| runWorkflow | n/a | 150.0 ± 3.0 | n/a | n/a | 50,000 | n/a |")
                .doesNotContain("| listInstances | n/a | n/a");
    }

    @Test
    void showsTheSpringCloudStartupSidesAndWhatEachAdds() {
        StartupComparison.Result plain = startup(520);
        StartupComparison.Result withSpringCloud = new StartupComparison.Result(plain.baseline(),
                plain.background(), plain.eager(), plain.lazy(),
                new StartupComparison.Summary(15, 700, 650, 800, 1300, 12.0, 120, 2400, 6500, 0, 6510, -1),
                new StartupComparison.Summary(15, 860, 800, 950, 1500, 16.5, 140, 2800, 7000, 600, 11000, 40));

        String table = new ResultTable(List.of(), withSpringCloud, null, "m", "s").render();

        assertThat(table)
                .contains("| spring-cloud-starter-openfeign only | 15 | 700 | 650–800 | 1300 | 2400 | 6500 | 0 | 6510 | "
                        + "12.0 | 120 | n/a |")
                .contains("| starter + Spring Cloud OpenFeign, default (background) | 15 | 860 | 800–950 | 1500 | 2800 | "
                        + "7000 | 600 | 11000 | 16.5 | 140 | 40 |")
                .contains("Spring Cloud OpenFeign alone (`spring-cloud-starter-openfeign`) adds 300 ms of context "
                        + "start-up to a `spring-boot-starter` application (900 ms of process CPU time), 2.0 MB of heap, "
                        + "2500 classes loaded when ready and 70 beans.")
                .contains("In that application, the starter with `orchestration-spring-cloud-openfeign`, default "
                        + "initialization (background), adds 160 ms to context start-up (400 ms of process CPU time), "
                        + "4.5 MB of heap, 500 classes loaded when ready and 20 beans; its warm-up thread then builds "
                        + "the client through Spring Cloud OpenFeign in 600 ms after the application is ready (4490 "
                        + "classes more than Spring Cloud OpenFeign alone by then), and the first call takes 40 ms.")
                .as("the start-up target stays judged on the plain default side")
                .contains("- MISSED: start-up added by the starter, default initialization (background): 120 ms");
    }

    @Test
    void saysWhyTheSpringCloudStartupSidesAreMissing() {
        String table = new ResultTable(List.of(), startup(520), null, "skipped (--skip cloud)", "m", "s").render();

        assertThat(table).contains("Spring Cloud OpenFeign sides skipped (--skip cloud).")
                .doesNotContain("spring-cloud-starter-openfeign only |");
    }

    /** Baseline 400 ms, eager 1000 ms, lazy 510 ms, the default (background) side as given. */
    private static StartupComparison.Result startup(double backgroundMillis) {
        return new StartupComparison.Result(
                new StartupComparison.Summary(15, 400, 380, 450, 900, 10.0, 50, 1500, 4000, 0, 4010, -1),
                new StartupComparison.Summary(15, backgroundMillis, 500, 600, 1050, 14.5, 81, 1800, 6000, 480, 9000,
                        35),
                new StartupComparison.Summary(15, 1000, 950, 1100, 1500, 15.0, 80, 2600, 9000, 0, 9005, 30),
                new StartupComparison.Summary(15, 510, 490, 590, 1040, 12.0, 80, 1790, 5990, 0, 6000, 520));
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
                .contains("| all | 260.0 ± 5.0 | +240.0 | 120 | +96 |")
                .contains("- met: all decorations together: +240 ns and +96 B per call (target ≤ 1000 ns and ≤ 300 B)");
    }

    @Test
    void theDecorationsMissTheTargetOnTimeOrOnBytes() {
        Figure none = new Figure("DecorationBenchmark.getWorkflow", "none", 20, 1, "ns/op", 0);
        List<Figure> slow = List.of(none, new Figure("DecorationBenchmark.getWorkflow", "all", 1_100, 5, "ns/op", 200));
        List<Figure> heavy = List.of(none, new Figure("DecorationBenchmark.getWorkflow", "all", 300, 5, "ns/op", 2_000));

        assertThat(new ResultTable(slow, null, null, "m", "s").render())
                .contains("- MISSED: all decorations together: +1080 ns and +200 B per call");
        assertThat(new ResultTable(heavy, null, null, "m", "s").render())
                .contains("- MISSED: all decorations together: +280 ns and +2000 B per call");
    }

    @Test
    void showsMissingClientsAsNotAvailable() {
        List<Figure> figures = List.of(new Figure(LATENCY, "plain", 110, Double.NaN, "us/op", 40_000),
                new Figure(LATENCY, "jdk", 100, Double.NaN, "us/op", 20_000));

        String table = new ResultTable(figures, null, "skipped", "m", "s").render();

        assertThat(table).contains("| getWorkflow | n/a | 110.0 | 100.0 | n/a | 1.10 | n/a |")
                .contains("Start-up skipped.")
                .doesNotContain("added latency")
                .doesNotContain("Spring Cloud OpenFeign mode");
    }
}
