package io.github.formancecommunity.orchestration.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the start-up cost of the starter: {@link StartupProbe} run repeatedly in fresh JVMs, alternately on
 * the class path with the starter and on the baseline class path (spring-boot-starter only), and the median of
 * each.
 *
 * <p>Fresh JVMs rather than fresh contexts in one JVM: most of what a starter costs at start-up is loading,
 * linking and interpreting its classes (Feign, Apache HttpClient 5, Resilience4j, Jackson) and running its
 * conditions cold; a second context in a warm JVM would find all of that done and understate what an
 * application pays. Runs alternate (with, without / without, with) so that drifting machine load hits both sides.
 */
final class StartupComparison {

    private static final long RUN_TIMEOUT_SECONDS = 120;

    private final String withStarterClasspath;
    private final String baselineClasspath;
    private final int runs;

    StartupComparison(String withStarterClasspath, String baselineClasspath, int runs) {
        this.withStarterClasspath = withStarterClasspath;
        this.baselineClasspath = baselineClasspath;
        this.runs = runs;
    }

    /** One run's figures. */
    record Sample(double contextMillis, long uptimeMillis, long heapBytes, int beans, boolean client,
            long cpuMillis, int classes) {

        static Sample parse(String line) {
            String[] fields = line.substring("STARTUP ".length()).split(" ");
            return new Sample(Double.parseDouble(value(fields[0])), Long.parseLong(value(fields[1])),
                    Long.parseLong(value(fields[2])), Integer.parseInt(value(fields[3])),
                    Boolean.parseBoolean(value(fields[4])), Long.parseLong(value(fields[5])),
                    Integer.parseInt(value(fields[6])));
        }

        private static String value(String field) {
            return field.substring(field.indexOf('=') + 1);
        }
    }

    /** The medians of one side. */
    record Summary(int runs, double medianContextMillis, double minContextMillis, double maxContextMillis,
            double medianUptimeMillis, double medianHeapMegabytes, int beans, double medianCpuMillis, int classes) {

        static Summary of(List<Sample> samples) {
            double[] context = samples.stream().mapToDouble(Sample::contextMillis).sorted().toArray();
            double[] uptime = samples.stream().mapToDouble(Sample::uptimeMillis).sorted().toArray();
            double[] heap = samples.stream().mapToDouble(s -> s.heapBytes() / (1024.0 * 1024.0)).sorted().toArray();
            double[] cpu = samples.stream().mapToDouble(Sample::cpuMillis).sorted().toArray();
            double[] classes = samples.stream().mapToDouble(Sample::classes).sorted().toArray();
            return new Summary(samples.size(), median(context), context[0], context[context.length - 1],
                    median(uptime), median(heap), samples.get(0).beans(), median(cpu), (int) median(classes));
        }
    }

    /**
     * The comparison.
     *
     * @param withStarter the application with the starter
     * @param baseline    the same application with spring-boot-starter only
     */
    record Result(Summary withStarter, Summary baseline) {

        double addedMillis() {
            return withStarter.medianContextMillis() - baseline.medianContextMillis();
        }

        double addedHeapMegabytes() {
            return withStarter.medianHeapMegabytes() - baseline.medianHeapMegabytes();
        }
    }

    /** Runs the probes and summarises them. */
    Result run() throws IOException, InterruptedException {
        List<Sample> with = new ArrayList<>();
        List<Sample> without = new ArrayList<>();
        // One unrecorded run of each first: it warms the OS page cache for the jars.
        probe(withStarterClasspath);
        probe(baselineClasspath);
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                with.add(probe(withStarterClasspath));
                without.add(probe(baselineClasspath));
            }
            else {
                without.add(probe(baselineClasspath));
                with.add(probe(withStarterClasspath));
            }
            System.out.printf("start-up run %d/%d: with starter %.0f ms, without %.0f ms%n", i + 1, runs,
                    with.get(i).contextMillis(), without.get(i).contextMillis());
        }
        if (with.stream().anyMatch(s -> !s.client())) {
            throw new IllegalStateException("the application with the starter has no OrchestrationV1 bean: "
                    + "the auto-configuration did not run, the figure would be meaningless");
        }
        if (without.stream().anyMatch(Sample::client)) {
            throw new IllegalStateException("the baseline application has an OrchestrationV1 bean: "
                    + "the baseline class path contains the starter");
        }
        return new Result(Summary.of(with), Summary.of(without));
    }

    private Sample probe(String classpath) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(Arrays.asList(java, "-Xmx512m", "-cp", classpath,
                StartupProbe.class.getName()));
        File log = File.createTempFile("startup-probe", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log).start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("start-up probe did not end within " + RUN_TIMEOUT_SECONDS + " s");
            }
            List<String> output = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
            return output.stream()
                    .filter(line -> line.startsWith("STARTUP "))
                    .findFirst()
                    .map(Sample::parse)
                    .orElseThrow(() -> new IllegalStateException("start-up probe failed (exit "
                            + process.exitValue() + "):\n"
                            + String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()))));
        }
        finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
