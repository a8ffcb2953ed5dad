package io.github.formancecommunity.orchestration.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement of the benchmarks module and prints the table of ratios; started by
 * {@code benchmarks/run-benchmarks.sh}.
 *
 * <ol>
 *   <li>starts the canned server in this JVM (the JMH forks only run clients, so {@code gc.alloc.rate.norm}
 *       counts client allocations only);</li>
 *   <li>JMH, one fork per client: {@link LatencyBenchmark} (single thread, µs/op) for getWorkflow,
 *       listInstances and runWorkflow; {@link ThroughputBenchmark} (16 threads, ops/s) for getWorkflow;
 *       {@link DecorationBenchmark} (the starter's interceptors alone, no decoration, one, or all); all with the
 *       GC profiler;</li>
 *   <li>Spring Cloud OpenFeign mode: {@link LatencyBenchmark} getWorkflow and runWorkflow for the {@code cloud}
 *       client (the starter's bean with its Feign target built by Spring Cloud OpenFeign), in a fork whose class
 *       path has the Spring Cloud jars added ({@code --spring-cloud-classpath}); the harness and the other forks
 *       do not have them;</li>
 *   <li>{@link StartupComparison} in fresh JVMs: the baseline (spring-boot-starter only) and the starter with
 *       its default initialization (background), with {@code initialization=eager} and with
 *       {@code initialization=lazy}; with the Spring Cloud class paths also Spring Cloud OpenFeign alone and
 *       Spring Cloud OpenFeign with the starter and orchestration-spring-cloud-openfeign (default
 *       initialization); in rotating order;</li>
 *   <li>prints the table and writes it with the JMH JSON results to the results directory.</li>
 * </ol>
 *
 * Options: {@code --quick} (2+3 iterations, 5 start-up runs; the default is 8 warm-up and 5 measured iterations of
 * 1 s, 15 start-up runs per side, four sides, six with Spring Cloud), {@code --startup-runs N} (runs per side),
 * {@code --baseline-classpath CP} (start-up is skipped without it), {@code --starter-classpath CP} (the
 * start-up probe's class path with the starter; default: this JVM's, which also holds JMH),
 * {@code --spring-cloud-classpath CP} (the jars Spring Cloud OpenFeign mode adds to the starter's class path;
 * everything Spring Cloud is skipped without it), {@code --spring-cloud-baseline-classpath CP} (Spring Cloud
 * OpenFeign alone; the Spring Cloud start-up sides are skipped without it), {@code --results DIR},
 * {@code --skip latency,throughput,decorations,cloud,startup} ({@code cloud}: the Spring Cloud JMH fork and start-up
 * sides), {@code --full} (throughput of runWorkflow too).
 */
public final class BenchmarkMain {

    private static final long SERVER_WARM_UP_SECONDS = 5;

    private BenchmarkMain() {
    }

    /** Entry point, see the class description for the options. */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.results);
        String loadBefore = Machine.loadAverage();
        List<Figure> figures = new ArrayList<>();
        StartupComparison.Result startup = null;
        String startupNote = null;
        String springCloudNote = null;
        try (CannedOrchestrationServer server = CannedOrchestrationServer.start(CannedPayloads.create(),
                ClientState.TOKEN)) {
            if (!settings.skip.containsAll(List.of("latency", "throughput", "decorations", "cloud"))) {
                warmUp(server);
            }
            if (!settings.skip.contains("latency")) {
                figures.addAll(jmh(settings, server, "latency", LatencyBenchmark.class.getName() + "\\.",
                        "client", "starter", "plain", "jdk"));
            }
            if (!settings.skip.contains("throughput")) {
                String methods = settings.full ? "(getWorkflow|runWorkflow)" : "getWorkflow";
                // 16 threads on 2 cores vary most from one second to the next: twice the measured iterations.
                figures.addAll(jmh(settings, 2 * settings.measurementIterations, server, "throughput",
                        ThroughputBenchmark.class.getName() + "\\." + methods + "$", "client", "starter", "plain",
                        "jdk"));
            }
            if (!settings.skip.contains("decorations")) {
                figures.addAll(jmh(settings, server, "decorations", DecorationBenchmark.class.getName() + "\\.",
                        "decorations", "none", "metrics", "breaker", "retry", "all", "observed"));
            }
            if (!settings.skip.contains("cloud")) {
                if (settings.springCloudClasspath == null) {
                    springCloudNote = "skipped: no --spring-cloud-classpath given";
                }
                else {
                    figures.addAll(springCloudJmh(settings, server));
                }
            }
        }
        if (!settings.skip.contains("startup")) {
            if (settings.baselineClasspath == null) {
                startupNote = "skipped: no --baseline-classpath given";
            }
            else {
                try {
                    String withStarter = settings.starterClasspath != null ? settings.starterClasspath
                            : System.getProperty("java.class.path");
                    String springCloudBaseline = null;
                    String springCloud = null;
                    if (settings.skip.contains("cloud")) {
                        springCloudNote = "skipped (--skip cloud)";
                    }
                    else if (settings.springCloudClasspath == null || settings.springCloudBaselineClasspath == null) {
                        springCloudNote = "skipped: --spring-cloud-classpath and --spring-cloud-baseline-classpath "
                                + "are both needed";
                    }
                    else {
                        springCloudBaseline = settings.springCloudBaselineClasspath;
                        springCloud = withStarter + File.pathSeparator + settings.springCloudClasspath;
                    }
                    startup = new StartupComparison(withStarter, settings.baselineClasspath, springCloudBaseline,
                            springCloud, settings.startupRuns).run();
                }
                catch (IllegalStateException | IllegalArgumentException ex) {
                    startupNote = "failed: " + ex.getMessage();
                }
            }
        }
        String table = new ResultTable(figures, startup, startupNote, springCloudNote,
                Machine.describe(loadBefore, Machine.loadAverage()), settings.describe()).render();
        Path summary = settings.results.resolve("summary.md");
        Files.writeString(summary, table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + summary.toAbsolutePath() + " (JMH JSON results beside it).");
    }

    /**
     * Serves every route for a few seconds before the first fork, so that the server's code is compiled by then:
     * otherwise the first client measured would also pay for warming the server up.
     */
    private static void warmUp(CannedOrchestrationServer server) throws Exception {
        System.out.println("Warming the server up for " + SERVER_WARM_UP_SECONDS + " s...");
        long end = System.nanoTime() + SERVER_WARM_UP_SECONDS * 1_000_000_000L;
        try (BenchmarkTarget client = new JdkHttpTarget(server.baseUrl(), ClientState.TOKEN)) {
            for (int i = 0; System.nanoTime() < end; i++) {
                client.getWorkflow(CannedPayloads.WORKFLOW_ID);
                client.runWorkflow(CannedPayloads.WORKFLOW_ID, CannedPayloads.RUN_VARIABLES);
                if (i % 20 == 0) {
                    client.listInstances();
                }
            }
        }
    }

    /**
     * Latency of getWorkflow and runWorkflow for the {@code cloud} client, in a fork whose class path is this
     * JVM's plus the Spring Cloud jars: JMH gives its forks the {@code java.class.path} of this JVM as it is when
     * a fork starts, so it is extended for this run only and put back after.
     */
    private static List<Figure> springCloudJmh(Settings settings, CannedOrchestrationServer server)
            throws RunnerException {
        String classpath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", classpath + File.pathSeparator + settings.springCloudClasspath);
        try {
            return jmh(settings, server, "cloud", LatencyBenchmark.class.getName() + "\\.(getWorkflow|runWorkflow)$",
                    "client", "cloud");
        }
        finally {
            System.setProperty("java.class.path", classpath);
        }
    }

    private static List<Figure> jmh(Settings settings, CannedOrchestrationServer server, String name,
            String include, String param, String... values) throws RunnerException {
        return jmh(settings, settings.measurementIterations, server, name, include, param, values);
    }

    private static List<Figure> jmh(Settings settings, int measurementIterations, CannedOrchestrationServer server,
            String name, String include, String param, String... values) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .param(param, values)
                .forks(1)
                .warmupIterations(settings.warmupIterations)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + ClientState.SERVER_PROPERTY + "=" + server.baseUrl())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(settings.results.resolve(name + ".json").toString());
        return Figure.of(new Runner(options.build()).run());
    }

    /** The command-line options. */
    static final class Settings {

        /** What {@code --skip} can leave out. */
        static final List<String> PARTS = List.of("latency", "throughput", "decorations", "cloud", "startup");

        int warmupIterations = 8;
        int measurementIterations = 5;
        int startupRuns = 15;
        boolean full;
        @Nullable String baselineClasspath;
        @Nullable String starterClasspath;
        @Nullable String springCloudClasspath;
        @Nullable String springCloudBaselineClasspath;
        Path results = Path.of("benchmarks", "target", "benchmark-results");
        List<String> skip = List.of();

        static Settings parse(String[] args) {
            Settings settings = new Settings();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> {
                        settings.warmupIterations = 2;
                        settings.measurementIterations = 3;
                        settings.startupRuns = 5;
                    }
                    case "--full" -> settings.full = true;
                    case "--startup-runs" -> settings.startupRuns = Integer.parseInt(value(args, ++i));
                    case "--baseline-classpath" -> settings.baselineClasspath = value(args, ++i);
                    case "--starter-classpath" -> settings.starterClasspath = value(args, ++i);
                    case "--spring-cloud-classpath" -> settings.springCloudClasspath = value(args, ++i);
                    case "--spring-cloud-baseline-classpath" ->
                            settings.springCloudBaselineClasspath = value(args, ++i);
                    case "--results" -> settings.results = Path.of(value(args, ++i));
                    case "--skip" -> settings.skip = skip(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --quick, --full, --startup-runs N, --baseline-classpath CP,"
                            + " --starter-classpath CP, --spring-cloud-classpath CP,"
                            + " --spring-cloud-baseline-classpath CP, --results DIR,"
                            + " --skip latency,throughput,decorations,cloud,startup)");
                }
            }
            if (settings.startupRuns < 1) {
                throw new IllegalArgumentException("--startup-runs must be at least 1");
            }
            return settings;
        }

        /** The parts that {@code --skip} names, each checked against {@link #PARTS}. */
        private static List<String> skip(String value) {
            List<String> parts = Arrays.asList(value.split(","));
            for (String part : parts) {
                if (!PARTS.contains(part)) {
                    throw new IllegalArgumentException("--skip: unknown part '" + part + "', expected some of "
                            + String.join(",", PARTS));
                }
            }
            return parts;
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException(args[index - 1] + " needs a value");
            }
            return args[index];
        }

        String describe() {
            return "JMH: 1 fork per client, " + warmupIterations + " x 1 s warm-up, " + measurementIterations
                    + " x 1 s measurement (" + 2 * measurementIterations + " for the 16-thread throughput), "
                    + "-Xms1g -Xmx1g, GC profiler; start-up: median of " + startupRuns
                    + " fresh JVMs per side (baseline; starter with initialization default/background, eager, lazy;"
                    + " with Spring Cloud: spring-cloud-starter-openfeign alone, and with the starter and"
                    + " orchestration-spring-cloud-openfeign, default initialization; order rotated each round),"
                    + " -Xmx512m";
        }
    }

    /** Where the figures were taken. */
    static final class Machine {

        private Machine() {
        }

        static String loadAverage() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return fields[0] + " " + fields[1] + " " + fields[2];
            }
            catch (IOException | RuntimeException ex) {
                return "unknown";
            }
        }

        static String describe(String loadBefore, String loadAfter) {
            return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "; load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter;
        }

        private static String cpuModel() {
            try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("unknown model");
            }
            catch (IOException | RuntimeException ex) {
                return "unknown model";
            }
        }
    }
}
