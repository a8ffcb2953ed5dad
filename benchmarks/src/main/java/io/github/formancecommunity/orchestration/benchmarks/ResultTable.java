package io.github.formancecommunity.orchestration.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Renders the figures as Markdown: per-call latency, allocation and throughput of (a) starter, (b) plain client
 * and (c) JDK HttpClient with the ratios (a)/(c) and (b)/(c), the price of each decoration, (d) the starter's client
 * in Spring Cloud OpenFeign mode beside (a), the start-up comparison (one row per side: the baseline and the
 * starter in each initialization mode, then a sentence per mode with what it adds; with the Spring Cloud sides,
 * what Spring Cloud OpenFeign costs and what the starter adds to a Spring Cloud OpenFeign application), and each
 * target with its verdict; the start-up target is judged on the starter's default initialization, background.
 */
final class ResultTable {

    static final double TARGET_THROUGHPUT_RATIO = 0.85;
    static final double TARGET_ADDED_LATENCY_MICROS = 25;
    /** Allocation of (a) over (c) per operation: runWorkflow and getWorkflow as issue 10 sets them. */
    static final Map<String, Double> TARGET_ALLOCATION_RATIO = Map.of("getWorkflow", 1.2, "listInstances", 1.5,
            "runWorkflow", 1.25);
    static final double TARGET_STARTUP_MILLIS = 100;
    /** All decorations together ({@code DecorationBenchmark}, "all"), added to none. */
    static final double TARGET_DECORATIONS_NANOS = 1_000;
    static final double TARGET_DECORATIONS_BYTES = 300;

    private static final String[] OPERATIONS = {"getWorkflow", "listInstances", "runWorkflow"};
    private static final String[] DECORATIONS = {"none", "metrics", "breaker", "retry", "all", "observed"};
    private static final String[] SPRING_CLOUD_OPERATIONS = {"getWorkflow", "runWorkflow"};

    private final List<Figure> figures;
    private final StartupComparison.@Nullable Result startup;
    private final @Nullable String startupNote;
    private final @Nullable String springCloudStartupNote;
    private final String machine;
    private final String settings;
    private final StringBuilder out = new StringBuilder();

    ResultTable(List<Figure> figures, StartupComparison.@Nullable Result startup, @Nullable String startupNote,
            String machine,
            String settings) {
        this(figures, startup, startupNote, null, machine, settings);
    }

    /**
     * The table.
     *
     * @param figures                the JMH figures
     * @param startup                the start-up comparison, {@code null} when not run
     * @param startupNote            why it was not run, or {@code null}
     * @param springCloudStartupNote why its Spring Cloud sides were not run, or {@code null}
     * @param machine                where the figures were taken
     * @param settings               how
     */
    ResultTable(List<Figure> figures, StartupComparison.@Nullable Result startup, @Nullable String startupNote,
            @Nullable String springCloudStartupNote, String machine, String settings) {
        this.figures = figures;
        this.startup = startup;
        this.startupNote = startupNote;
        this.springCloudStartupNote = springCloudStartupNote;
        this.machine = machine;
        this.settings = settings;
    }

    String render() {
        line("## Benchmark results");
        line("");
        line("Machine: " + machine + ".");
        line("Settings: " + settings + ".");
        line("Clients: (a) `starter` = the starter's `OrchestrationV1` bean (metrics on a SimpleMeterRegistry, "
                + "circuit breaker, retry, bearer token); (b) `plain` = `OrchestrationV1Client.builder()` with the "
                + "bearer token and no interceptor; (c) `jdk` = JDK `HttpClient` + Jackson 3; (d) `cloud` = (a) in an "
                + "application with Spring Cloud OpenFeign and orchestration-spring-cloud-openfeign, its Feign target "
                + "built by Spring Cloud OpenFeign as the client `formance-orchestration` (http base URL).");
        line("");
        latency();
        allocation();
        throughput();
        decorations();
        springCloud();
        startup();
        targets();
        return out.toString();
    }

    private void latency() {
        line("### Per call, one thread (average µs/op, lower is better)");
        line("");
        line("| operation | (a) starter | (b) plain | (c) jdk | (a)/(c) | (b)/(c) | (a)−(c) µs |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String operation : OPERATIONS) {
            String benchmark = "LatencyBenchmark." + operation;
            Optional<Figure> a = find(benchmark, "starter");
            Optional<Figure> b = find(benchmark, "plain");
            Optional<Figure> c = find(benchmark, "jdk");
            if (a.isEmpty() && b.isEmpty() && c.isEmpty()) {
                continue;
            }
            line("| " + operation + " | " + score(a, 1) + " | " + score(b, 1) + " | " + score(c, 1) + " | "
                    + ratio(a, c) + " | " + ratio(b, c) + " | " + difference(a, c) + " |");
        }
        line("");
    }

    private void allocation() {
        line("### Allocation per call (gc.alloc.rate.norm, bytes/op)");
        line("");
        line("| benchmark | (a) starter | (b) plain | (c) jdk | (a)/(c) | (b)/(c) |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (String benchmark : List.of("LatencyBenchmark.getWorkflow", "LatencyBenchmark.listInstances",
                "LatencyBenchmark.runWorkflow", "ThroughputBenchmark.getWorkflow", "ThroughputBenchmark.runWorkflow")) {
            Optional<Figure> a = find(benchmark, "starter");
            Optional<Figure> b = find(benchmark, "plain");
            Optional<Figure> c = find(benchmark, "jdk");
            if (a.isEmpty() && b.isEmpty() && c.isEmpty()) {
                continue;
            }
            line("| " + label(benchmark) + " | " + bytes(a) + " | " + bytes(b) + " | " + bytes(c) + " | "
                    + allocRatio(a, c) + " | " + allocRatio(b, c) + " |");
        }
        line("");
    }

    private void throughput() {
        line("### Throughput, 16 threads on one client (ops/s, higher is better)");
        line("");
        line("| operation | (a) starter | (b) plain | (c) jdk | (a)/(c) | (b)/(c) |");
        line("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (String operation : OPERATIONS) {
            String benchmark = "ThroughputBenchmark." + operation;
            Optional<Figure> a = find(benchmark, "starter");
            Optional<Figure> b = find(benchmark, "plain");
            Optional<Figure> c = find(benchmark, "jdk");
            if (a.isEmpty() && b.isEmpty() && c.isEmpty()) {
                continue;
            }
            line("| " + operation + " | " + score(a, 0) + " | " + score(b, 0) + " | " + score(c, 0) + " | "
                    + ratio(a, c) + " | " + ratio(b, c) + " |");
        }
        line("");
    }

    private void decorations() {
        Optional<Figure> none = find("DecorationBenchmark.getWorkflow", "none");
        if (none.isEmpty()) {
            return;
        }
        line("### What each decoration costs (the starter's interceptors around a call that returns at once)");
        line("");
        line("| decorations | ns/call | added ns | bytes/call | added bytes |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (String decorations : DECORATIONS) {
            Optional<Figure> figure = find("DecorationBenchmark.getWorkflow", decorations);
            if (figure.isEmpty()) {
                continue;
            }
            line("| " + decorations + " | " + score(figure, 1) + " | "
                    + signed(figure.get().score() - none.get().score(), 1) + " | " + bytes(figure) + " | "
                    + signed(figure.get().allocBytesPerOp() - none.get().allocBytesPerOp(), 0) + " |");
        }
        line("");
    }

    private void springCloud() {
        List<String[]> rows = new ArrayList<>();
        for (String operation : SPRING_CLOUD_OPERATIONS) {
            String benchmark = "LatencyBenchmark." + operation;
            Optional<Figure> a = find(benchmark, "starter");
            Optional<Figure> d = find(benchmark, "cloud");
            if (d.isPresent()) {
                rows.add(new String[] {operation, score(a, 1), score(d, 1), difference(d, a), bytes(a), bytes(d),
                        a.isEmpty() ? "n/a" : signed(d.get().allocBytesPerOp() - a.get().allocBytesPerOp(), 0)});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        line("### Spring Cloud OpenFeign mode, per call, one thread ((d) beside (a))");
        line("");
        line("| operation | (a) starter µs | (d) cloud µs | (d)−(a) µs | (a) starter B/op | (d) cloud B/op | "
                + "(d)−(a) B/op |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String[] row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
        line("");
    }

    private void startup() {
        line("### Start-up of a minimal application context");
        line("");
        if (startup == null) {
            line("Start-up " + (startupNote == null ? "not measured" : startupNote) + ".");
            line("");
            return;
        }
        line("| application | runs | context start, median ms | min–max ms | JVM uptime when ready, median ms | "
                + "process CPU when ready, median ms | classes loaded when ready | warm-up after ready, median ms | "
                + "classes after warm-up | heap used after start and warm-up (after GC), median MB | beans | "
                + "first call, median ms |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        startupRow(StartupComparison.Side.BASELINE, startup.baseline());
        startupRow(StartupComparison.Side.DEFAULT, startup.background());
        startupRow(StartupComparison.Side.EAGER, startup.eager());
        startupRow(StartupComparison.Side.LAZY, startup.lazy());
        if (startup.hasSpringCloud()) {
            startupRow(StartupComparison.Side.SPRING_CLOUD_BASELINE, startup.springCloudBaseline());
            startupRow(StartupComparison.Side.SPRING_CLOUD, startup.springCloud());
        }
        line("");
        line(added("Default initialization (background)", startup.background())
                + String.format(Locale.ROOT, "; its warm-up thread then builds the client in %.0f ms after the "
                        + "application is ready (%d classes more than the baseline by then), and the first call "
                        + "takes %.0f ms.", startup.background().medianWarmUpMillis(),
                        startup.addedClassesAfterWarmUp(startup.background()),
                        startup.background().medianFirstCallMillis()));
        line("");
        line(added("`initialization=eager`", startup.eager())
                + String.format(Locale.ROOT, "; the client is built while the context starts, and the first call "
                        + "takes %.0f ms.", startup.eager().medianFirstCallMillis()));
        line("");
        line(added("`initialization=lazy`", startup.lazy())
                + String.format(Locale.ROOT, "; the first call builds the client and takes %.0f ms.",
                        startup.lazy().medianFirstCallMillis()));
        line("");
        if (startup.hasSpringCloud()) {
            line(added("Spring Cloud OpenFeign alone (`spring-cloud-starter-openfeign`)", startup.springCloudBaseline(),
                    startup.baseline(), "of context start-up to a `spring-boot-starter` application") + ".");
            line("");
            line(added("In that application, the starter with `orchestration-spring-cloud-openfeign`, default "
                    + "initialization (background),", startup.springCloud(), startup.springCloudBaseline(),
                    "to context start-up")
                    + String.format(Locale.ROOT, "; its warm-up thread then builds the client through Spring Cloud "
                            + "OpenFeign in %.0f ms after the application is ready (%d classes more than Spring "
                            + "Cloud OpenFeign alone by then), and the first call takes %.0f ms.",
                            startup.springCloud().medianWarmUpMillis(), startup.springCloud().classesAfterWarmUp()
                                    - startup.springCloudBaseline().classesAfterWarmUp(),
                            startup.springCloud().medianFirstCallMillis()));
            line("");
        }
        else if (springCloudStartupNote != null) {
            line("Spring Cloud OpenFeign sides " + springCloudStartupNote + ".");
            line("");
        }
        StartupComparison.Paired pairedBackground = startup.pairedBackground();
        StartupComparison.Paired pairedLazy = startup.pairedLazy();
        if (pairedBackground != null && pairedLazy != null) {
            line(String.format(Locale.ROOT, "Paired by round (the median over the %d rounds of a side's start-up minus "
                    + "the baseline's in the same round, steadier than the difference of the medians): the default "
                    + "initialization adds %.0f ms ± %.0f ms, `initialization=lazy` %.0f ms ± %.0f ms (standard "
                    + "errors).", pairedBackground.rounds(), pairedBackground.medianMillis(),
                    pairedBackground.standardErrorMillis(), pairedLazy.medianMillis(),
                    pairedLazy.standardErrorMillis()));
            line("");
        }
        line("Heap is measured after a full GC once the warm-up thread (if any) has ended, before the first call; "
                + "the first call is one `getServerInfo()` against a loopback stub that every side starts before "
                + "its context.");
        line("");
    }

    private String added(String mode, StartupComparison.Summary side) {
        return String.format(Locale.ROOT, "%s: the starter adds %.0f ms to context start-up (%.0f ms of process CPU "
                + "time), %.1f MB of heap and %d classes loaded when ready", mode, startup.addedMillis(side),
                startup.addedCpuMillis(side), startup.addedHeapMegabytes(side), startup.addedClasses(side));
    }

    /** "subject adds N ms where (CPU, heap, classes, beans)": one side against another. */
    private static String added(String subject, StartupComparison.Summary side, StartupComparison.Summary base,
            String where) {
        return String.format(Locale.ROOT, "%s adds %.0f ms %s (%.0f ms of process CPU time), %.1f MB of heap, %d "
                + "classes loaded when ready and %d beans", subject,
                side.medianContextMillis() - base.medianContextMillis(), where,
                side.medianCpuMillis() - base.medianCpuMillis(),
                side.medianHeapMegabytes() - base.medianHeapMegabytes(), side.classes() - base.classes(),
                side.beans() - base.beans());
    }

    private void startupRow(StartupComparison.Side side, StartupComparison.Summary summary) {
        line(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f–%.0f | %.0f | %.0f | %d | %.0f | %d | %.1f | %d | %s |",
                side.label(), summary.runs(), summary.medianContextMillis(), summary.minContextMillis(),
                summary.maxContextMillis(), summary.medianUptimeMillis(), summary.medianCpuMillis(),
                summary.classes(), summary.medianWarmUpMillis(), summary.classesAfterWarmUp(),
                summary.medianHeapMegabytes(), summary.beans(), summary.medianFirstCallMillis() < 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", summary.medianFirstCallMillis())));
    }

    private void targets() {
        line("### Targets");
        line("");
        Optional<Figure> ta = find("ThroughputBenchmark.getWorkflow", "starter");
        Optional<Figure> tc = find("ThroughputBenchmark.getWorkflow", "jdk");
        if (ta.isPresent() && tc.isPresent()) {
            double value = ta.get().score() / tc.get().score();
            double error = value * Math.hypot(zeroIfNaN(ta.get().error()) / ta.get().score(),
                    zeroIfNaN(tc.get().error()) / tc.get().score());
            String text = String.format(Locale.ROOT,
                    "throughput (a)/(c), getWorkflow, 16 threads: %.2f ± %.2f (target ≥ %.2f)", value, error,
                    TARGET_THROUGHPUT_RATIO);
            if (value < TARGET_THROUGHPUT_RATIO && value + error >= TARGET_THROUGHPUT_RATIO) {
                line("- UNRESOLVED: " + text + ": the target is within the measurement error");
            }
            else {
                verdict(text, value >= TARGET_THROUGHPUT_RATIO);
            }
        }
        for (String operation : OPERATIONS) {
            Optional<Figure> a = find("LatencyBenchmark." + operation, "starter");
            Optional<Figure> c = find("LatencyBenchmark." + operation, "jdk");
            if (a.isPresent() && c.isPresent()) {
                double added = a.get().score() - c.get().score();
                double error = Math.hypot(zeroIfNaN(a.get().error()), zeroIfNaN(c.get().error()));
                String text = String.format(Locale.ROOT, "added latency (a)−(c), %s: %.1f ± %.1f µs (target ≤ %.0f µs)",
                        operation, added, error, TARGET_ADDED_LATENCY_MICROS);
                if (added > TARGET_ADDED_LATENCY_MICROS && added - error <= TARGET_ADDED_LATENCY_MICROS) {
                    line("- UNRESOLVED: " + text + ": the difference is within the measurement error");
                }
                else {
                    verdict(text, added <= TARGET_ADDED_LATENCY_MICROS);
                }
                double alloc = a.get().allocBytesPerOp() / c.get().allocBytesPerOp();
                double target = TARGET_ALLOCATION_RATIO.get(operation);
                verdict(String.format(Locale.ROOT, "allocation (a)/(c), %s: %.2f (target ≤ %.2f)", operation, alloc,
                        target), alloc <= target);
            }
        }
        Optional<Figure> none = find("DecorationBenchmark.getWorkflow", "none");
        Optional<Figure> all = find("DecorationBenchmark.getWorkflow", "all");
        if (none.isPresent() && all.isPresent()) {
            double nanos = all.get().score() - none.get().score();
            double bytes = all.get().allocBytesPerOp() - none.get().allocBytesPerOp();
            verdict(String.format(Locale.ROOT, "all decorations together: +%.0f ns and +%.0f B per call (target ≤ %.0f"
                    + " ns and ≤ %.0f B)", nanos, bytes, TARGET_DECORATIONS_NANOS, TARGET_DECORATIONS_BYTES),
                    nanos <= TARGET_DECORATIONS_NANOS && bytes <= TARGET_DECORATIONS_BYTES);
        }
        if (startup != null) {
            StartupComparison.Paired paired = startup.pairedBackground();
            String pairedText = paired == null ? "" : String.format(Locale.ROOT, "; paired by round %.0f ms ± %.0f ms",
                    paired.medianMillis(), paired.standardErrorMillis());
            verdict(String.format(Locale.ROOT, "start-up added by the starter, default initialization (background): "
                    + "%.0f ms (target ≤ %.0f ms%s; for comparison initialization=eager adds %.0f ms, lazy %.0f ms)",
                    startup.addedMillis(), TARGET_STARTUP_MILLIS, pairedText, startup.addedMillis(startup.eager()),
                    startup.addedMillis(startup.lazy())), startup.addedMillis() <= TARGET_STARTUP_MILLIS);
        }
        line("");
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private void verdict(String text, boolean met) {
        line("- " + (met ? "met: " : "MISSED: ") + text);
    }

    private Optional<Figure> find(String benchmark, String client) {
        return figures.stream()
                .filter(f -> f.benchmark().equals(benchmark) && client.equals(f.client()))
                .filter(f -> !Double.isNaN(f.score()))
                .findFirst();
    }

    private static String label(String benchmark) {
        return benchmark.startsWith("Throughput") ? benchmark.substring(benchmark.indexOf('.') + 1) + " (16 threads)"
                : benchmark.substring(benchmark.indexOf('.') + 1);
    }

    private static String score(Optional<Figure> figure, int decimals) {
        if (figure.isEmpty()) {
            return "n/a";
        }
        Figure f = figure.get();
        String format = "%." + decimals + "f";
        String score = String.format(Locale.ROOT, format, f.score());
        return Double.isNaN(f.error()) ? score : score + " ± " + String.format(Locale.ROOT, format, f.error());
    }

    private static String bytes(Optional<Figure> figure) {
        return figure.isEmpty() || Double.isNaN(figure.get().allocBytesPerOp()) ? "n/a"
                : String.format(Locale.ROOT, "%,.0f", figure.get().allocBytesPerOp());
    }

    private static String ratio(Optional<Figure> a, Optional<Figure> c) {
        return a.isEmpty() || c.isEmpty() ? "n/a"
                : String.format(Locale.ROOT, "%.2f", a.get().score() / c.get().score());
    }

    private static String allocRatio(Optional<Figure> a, Optional<Figure> c) {
        return a.isEmpty() || c.isEmpty() ? "n/a"
                : String.format(Locale.ROOT, "%.2f", a.get().allocBytesPerOp() / c.get().allocBytesPerOp());
    }

    private static String difference(Optional<Figure> a, Optional<Figure> c) {
        return a.isEmpty() || c.isEmpty() ? "n/a" : signed(a.get().score() - c.get().score(), 1);
    }

    private static String signed(double value, int decimals) {
        return String.format(Locale.ROOT, "%+,." + decimals + "f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
