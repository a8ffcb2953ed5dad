package io.github.formancecommunity.orchestration.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Measures the start-up cost of the starter: {@link StartupProbe} run repeatedly in fresh JVMs on four
 * {@link Side sides} (the baseline class path with spring-boot-starter only; the starter with its default
 * initialization, background; with {@code initialization=eager}; with {@code initialization=lazy}), the
 * median of each, and the default and lazy sides against the baseline {@link Paired paired by round}. Given the
 * two Spring Cloud class paths, two more sides: an application with Spring Cloud OpenFeign alone
 * (spring-boot-starter and spring-cloud-starter-openfeign), and the same with the starter and
 * orchestration-spring-cloud-openfeign, default initialization, the client built through Spring Cloud OpenFeign.
 *
 * <p>Fresh JVMs rather than fresh contexts in one JVM: most of what a starter costs at start-up is loading,
 * linking and interpreting its classes (Feign, Apache HttpClient 5, Resilience4j, Jackson) and running its
 * conditions cold; a second context in a warm JVM would find all of that done and understate what an
 * application pays. Each round runs every side once and the order rotates from one round to the next, so that
 * drifting machine load hits all sides alike.
 */
final class StartupComparison {

    private static final long RUN_TIMEOUT_SECONDS = 120;

    private final String withStarterClasspath;
    private final String baselineClasspath;
    private final @Nullable String springCloudBaselineClasspath;
    private final @Nullable String springCloudClasspath;
    private final int runs;

    /**
     * The comparison of the four plain sides only.
     *
     * @param withStarterClasspath the application's class path with the starter
     * @param baselineClasspath    the same application's with spring-boot-starter only
     * @param runs                 recorded runs per side
     */
    StartupComparison(String withStarterClasspath, String baselineClasspath, int runs) {
        this(withStarterClasspath, baselineClasspath, null, null, runs);
    }

    /**
     * The comparison; the Spring Cloud sides are run when both of their class paths are given.
     *
     * @param withStarterClasspath         the application's class path with the starter
     * @param baselineClasspath            the same application's with spring-boot-starter only
     * @param springCloudBaselineClasspath with spring-boot-starter and spring-cloud-starter-openfeign, or
     *                                     {@code null}
     * @param springCloudClasspath         with the starter, orchestration-spring-cloud-openfeign and what it
     *                                     brings, or {@code null}
     * @param runs                         recorded runs per side
     */
    StartupComparison(String withStarterClasspath, String baselineClasspath,
            @Nullable String springCloudBaselineClasspath, @Nullable String springCloudClasspath, int runs) {
        this.withStarterClasspath = withStarterClasspath;
        this.baselineClasspath = baselineClasspath;
        this.springCloudBaselineClasspath = springCloudBaselineClasspath;
        this.springCloudClasspath = springCloudClasspath;
        this.runs = runs;
    }

    /** What one series of probes runs: which class path, and which initialization mode for the starter. */
    enum Side {

        /** spring-boot-starter only. */
        BASELINE("spring-boot-starter only", null),

        /** The starter, no initialization property: its default, background. */
        DEFAULT("starter, default (background)", null),

        /** The starter with {@code formance.orchestration.initialization=eager}. */
        EAGER("starter, initialization=eager", "eager"),

        /** The starter with {@code formance.orchestration.initialization=lazy}. */
        LAZY("starter, initialization=lazy", "lazy"),

        /** spring-boot-starter and spring-cloud-starter-openfeign: Spring Cloud OpenFeign alone. */
        SPRING_CLOUD_BASELINE("spring-cloud-starter-openfeign only", null),

        /**
         * Spring Cloud OpenFeign with the starter and orchestration-spring-cloud-openfeign, default initialization:
         * the client is the Spring Cloud OpenFeign client {@code formance-orchestration}.
         */
        SPRING_CLOUD("starter + Spring Cloud OpenFeign, default (background)", null);

        private final String label;
        private final @Nullable String mode;

        Side(String label, @Nullable String mode) {
            this.label = label;
            this.mode = mode;
        }

        /** How the table names the side. */
        String label() {
            return label;
        }

        /** The probe's argument, {@code null} for none. */
        @Nullable String mode() {
            return mode;
        }

        /** Whether the side runs on a class path with the starter. */
        boolean hasStarter() {
            return this != BASELINE && this != SPRING_CLOUD_BASELINE;
        }

        /** Whether the side runs on a class path with Spring Cloud OpenFeign. */
        boolean hasSpringCloud() {
            return this == SPRING_CLOUD_BASELINE || this == SPRING_CLOUD;
        }

        /**
         * Checks that the runs measured what the side is about: the baselines have no client, the starter sides
         * have one; after the warm-up wait the client is built on the default, eager and Spring Cloud sides and
         * not on the lazy side (the property took effect); a first call was timed exactly where there is a client;
         * Spring Cloud OpenFeign is there exactly on the Spring Cloud sides, and on the Spring Cloud starter side
         * the client was built through it (its child context {@code formance-orchestration} exists).
         *
         * @throws IllegalStateException naming the first contradiction
         */
        void check(List<Sample> samples) {
            for (Sample sample : samples) {
                if (!hasStarter() && sample.client()) {
                    throw new IllegalStateException("the " + label + " application has an OrchestrationV1 bean: "
                            + "the baseline class path contains the starter");
                }
                if (sample.springCloud() != hasSpringCloud()) {
                    throw new IllegalStateException("the " + label + " application " + (sample.springCloud()
                            ? "has" : "has no") + " Spring Cloud OpenFeign FeignClientFactory: wrong class path");
                }
                if (sample.cloudContext() != (this == SPRING_CLOUD)) {
                    throw new IllegalStateException("with the " + label + " the client was "
                            + (sample.cloudContext() ? "" : "not ") + "built through Spring Cloud OpenFeign "
                            + "(child context " + StartupProbe.SPRING_CLOUD_CLIENT_NAME + ")");
                }
                if (hasStarter() && !sample.client()) {
                    throw new IllegalStateException("the application with the " + label + " has no OrchestrationV1 "
                            + "bean: the auto-configuration did not run, the figure would be meaningless");
                }
                if (hasStarter() && sample.warm() != (this != LAZY)) {
                    throw new IllegalStateException("with the " + label + " the client was "
                            + (sample.warm() ? "" : "not ") + "built before the first call: the initialization "
                            + "mode did not take effect");
                }
                if ((sample.firstCallMillis() >= 0) != hasStarter()) {
                    throw new IllegalStateException("the " + label + " run reported a first call of "
                            + sample.firstCallMillis() + " ms");
                }
            }
        }
    }

    /** One run's figures, as {@link StartupProbe} prints them. */
    record Sample(double contextMillis, long uptimeMillis, long heapBytes, int beans, boolean client,
            long cpuMillis, int classes, double warmUpMillis, int classesAfterWarmUp, boolean warm,
            double firstCallMillis, boolean springCloud, boolean cloudContext) {

        /**
         * Reads a {@code STARTUP key=value ...} line; the order of the fields does not matter.
         *
         * @throws IllegalArgumentException when a field is missing or not a number
         */
        static Sample parse(String line) {
            Map<String, String> fields = new HashMap<>();
            for (String field : line.substring("STARTUP ".length()).trim().split(" +")) {
                int equals = field.indexOf('=');
                if (equals > 0) {
                    fields.put(field.substring(0, equals), field.substring(equals + 1));
                }
            }
            try {
                return new Sample(Double.parseDouble(value(fields, "contextMillis", line)),
                        Long.parseLong(value(fields, "uptimeMillis", line)),
                        Long.parseLong(value(fields, "heapBytes", line)),
                        Integer.parseInt(value(fields, "beans", line)),
                        Boolean.parseBoolean(value(fields, "client", line)),
                        Long.parseLong(value(fields, "cpuMillis", line)),
                        Integer.parseInt(value(fields, "classes", line)),
                        Double.parseDouble(value(fields, "warmUpMillis", line)),
                        Integer.parseInt(value(fields, "classesAfterWarmUp", line)),
                        Boolean.parseBoolean(value(fields, "warm", line)),
                        Double.parseDouble(value(fields, "firstCallMillis", line)),
                        Boolean.parseBoolean(value(fields, "springCloud", line)),
                        Boolean.parseBoolean(value(fields, "cloudContext", line)));
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("unreadable start-up probe line (" + ex.getMessage() + "): "
                        + line, ex);
            }
        }

        private static String value(Map<String, String> fields, String key, String line) {
            String value = fields.get(key);
            if (value == null) {
                throw new IllegalArgumentException("the start-up probe line has no " + key + ": " + line);
            }
            return value;
        }
    }

    /**
     * The medians of one side.
     *
     * @param runs                  how many runs
     * @param medianContextMillis   median time of {@code SpringApplication.run()}
     * @param minContextMillis      fastest run
     * @param maxContextMillis      slowest run
     * @param medianUptimeMillis    median JVM uptime when ready
     * @param medianHeapMegabytes   median heap used after a full GC once the warm-up thread (if any) ended
     * @param beans                 bean definitions (the same in every run)
     * @param medianCpuMillis       median process CPU time when ready
     * @param classes               median classes loaded when ready
     * @param medianWarmUpMillis    median time from {@code run()} returning until the warm-up thread ended (0
     *                              without one)
     * @param classesAfterWarmUp    median classes loaded once the warm-up thread ended
     * @param medianFirstCallMillis median time of the first call, negative when there is no client
     */
    record Summary(int runs, double medianContextMillis, double minContextMillis, double maxContextMillis,
            double medianUptimeMillis, double medianHeapMegabytes, int beans, double medianCpuMillis, int classes,
            double medianWarmUpMillis, int classesAfterWarmUp, double medianFirstCallMillis) {

        static Summary of(List<Sample> samples) {
            double[] context = sorted(samples, Sample::contextMillis);
            return new Summary(samples.size(), median(context), context[0], context[context.length - 1],
                    median(sorted(samples, Sample::uptimeMillis)),
                    median(sorted(samples, s -> s.heapBytes() / (1024.0 * 1024.0))), samples.get(0).beans(),
                    median(sorted(samples, Sample::cpuMillis)), (int) median(sorted(samples, Sample::classes)),
                    median(sorted(samples, Sample::warmUpMillis)),
                    (int) median(sorted(samples, Sample::classesAfterWarmUp)),
                    median(sorted(samples, Sample::firstCallMillis)));
        }

        private static double[] sorted(List<Sample> samples, ToDoubleFunction<Sample> figure) {
            return samples.stream().mapToDouble(figure).sorted().toArray();
        }
    }

    /**
     * A starter side against the baseline, paired by round: each round runs every side once, so the difference of
     * the two runs of one round leaves out the load that drifts over minutes and hits both alike. Steadier than the
     * difference of the two medians, which a single slow or fast series moves.
     *
     * @param rounds              how many rounds
     * @param medianMillis        median over the rounds of the side's context start-up minus the baseline's
     * @param standardErrorMillis the standard error of that median, 1.2533 standard deviations of the differences
     *                            over the square root of the rounds (the large-sample figure)
     */
    record Paired(int rounds, double medianMillis, double standardErrorMillis) {

        /**
         * Pairs the samples of the same round.
         *
         * @throws IllegalArgumentException when the two sides have different numbers of rounds, or none
         */
        static Paired of(List<Sample> side, List<Sample> baseline) {
            if (side.size() != baseline.size() || side.isEmpty()) {
                throw new IllegalArgumentException("cannot pair " + side.size() + " runs with " + baseline.size());
            }
            double[] differences = new double[side.size()];
            for (int round = 0; round < differences.length; round++) {
                differences[round] = side.get(round).contextMillis() - baseline.get(round).contextMillis();
            }
            double mean = Arrays.stream(differences).average().orElse(0);
            double variance = Arrays.stream(differences).map(d -> (d - mean) * (d - mean)).sum() / differences.length;
            Arrays.sort(differences);
            return new Paired(differences.length, median(differences),
                    1.2533 * Math.sqrt(variance) / Math.sqrt(differences.length));
        }
    }

    /**
     * The comparison: the baseline and the starter in each initialization mode, and the two Spring Cloud sides
     * when they were run.
     *
     * @param baseline            the application with spring-boot-starter only
     * @param background          the same application with the starter and its default initialization, background
     * @param eager               with {@code initialization=eager}
     * @param lazy                with {@code initialization=lazy}
     * @param springCloudBaseline the application with spring-boot-starter and spring-cloud-starter-openfeign,
     *                            {@code null} when not run
     * @param springCloud         that application with the starter and orchestration-spring-cloud-openfeign,
     *                            default initialization, {@code null} when not run
     * @param pairedBackground    the default initialization against the baseline, paired by round, {@code null}
     *                            when the rounds are not known
     * @param pairedLazy          {@code initialization=lazy} against the baseline, paired by round, {@code null}
     *                            when the rounds are not known
     */
    record Result(Summary baseline, Summary background, Summary eager, Summary lazy,
            @Nullable Summary springCloudBaseline, @Nullable Summary springCloud, @Nullable Paired pairedBackground,
            @Nullable Paired pairedLazy) {

        /** The comparison without the Spring Cloud sides and without the paired figures. */
        Result(Summary baseline, Summary background, Summary eager, Summary lazy) {
            this(baseline, background, eager, lazy, null, null);
        }

        /** The comparison without the paired figures. */
        Result(Summary baseline, Summary background, Summary eager, Summary lazy,
                @Nullable Summary springCloudBaseline, @Nullable Summary springCloud) {
            this(baseline, background, eager, lazy, springCloudBaseline, springCloud, null, null);
        }

        /** Whether the Spring Cloud sides were run. */
        boolean hasSpringCloud() {
            return springCloudBaseline != null && springCloud != null;
        }

        /** What the starter with its default initialization adds to context start-up; the target's figure. */
        double addedMillis() {
            return addedMillis(background);
        }

        /** Median context start-up of a starter side minus that of the baseline. */
        double addedMillis(Summary side) {
            return side.medianContextMillis() - baseline.medianContextMillis();
        }

        /** Median process CPU time when ready of a starter side minus that of the baseline. */
        double addedCpuMillis(Summary side) {
            return side.medianCpuMillis() - baseline.medianCpuMillis();
        }

        /** Median heap after start (and after the warm-up thread) of a starter side minus that of the baseline. */
        double addedHeapMegabytes(Summary side) {
            return side.medianHeapMegabytes() - baseline.medianHeapMegabytes();
        }

        /** Classes loaded when ready, a starter side minus the baseline. */
        int addedClasses(Summary side) {
            return side.classes() - baseline.classes();
        }

        /** Classes loaded once the warm-up thread ended, a starter side minus the baseline. */
        int addedClassesAfterWarmUp(Summary side) {
            return side.classesAfterWarmUp() - baseline.classesAfterWarmUp();
        }
    }

    /** The sides this comparison runs: the four plain ones, and the Spring Cloud ones given their class paths. */
    List<Side> sides() {
        List<Side> sides = new ArrayList<>(List.of(Side.BASELINE, Side.DEFAULT, Side.EAGER, Side.LAZY));
        if (springCloudBaselineClasspath != null && springCloudClasspath != null) {
            sides.add(Side.SPRING_CLOUD_BASELINE);
            sides.add(Side.SPRING_CLOUD);
        }
        return sides;
    }

    /** The class path a side runs on, {@code null} for a Spring Cloud side whose class path was not given. */
    @Nullable String classpath(Side side) {
        return switch (side) {
            case BASELINE -> baselineClasspath;
            case DEFAULT, EAGER, LAZY -> withStarterClasspath;
            case SPRING_CLOUD_BASELINE -> springCloudBaselineClasspath;
            case SPRING_CLOUD -> springCloudClasspath;
        };
    }

    /** Runs the probes and summarises them. */
    Result run() throws IOException, InterruptedException {
        List<Side> sides = sides();
        Map<Side, List<Sample>> samples = new EnumMap<>(Side.class);
        for (Side side : sides) {
            samples.put(side, new ArrayList<>());
        }
        // One unrecorded run on each class path first: it warms the OS page cache for the jars.
        probe(Side.DEFAULT);
        probe(Side.BASELINE);
        if (sides.contains(Side.SPRING_CLOUD)) {
            probe(Side.SPRING_CLOUD);
            probe(Side.SPRING_CLOUD_BASELINE);
        }
        for (int round = 0; round < runs; round++) {
            List<Side> order = order(sides, round);
            StringBuilder progress = new StringBuilder();
            for (Side side : order) {
                Sample sample = probe(side);
                samples.get(side).add(sample);
                progress.append(progress.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.0f ms", side.label(),
                                sample.contextMillis()));
            }
            System.out.printf("start-up run %d/%d: %s%n", round + 1, runs, progress);
        }
        for (Side side : sides) {
            side.check(samples.get(side));
        }
        boolean springCloud = sides.contains(Side.SPRING_CLOUD);
        return new Result(Summary.of(samples.get(Side.BASELINE)), Summary.of(samples.get(Side.DEFAULT)),
                Summary.of(samples.get(Side.EAGER)), Summary.of(samples.get(Side.LAZY)),
                springCloud ? Summary.of(samples.get(Side.SPRING_CLOUD_BASELINE)) : null,
                springCloud ? Summary.of(samples.get(Side.SPRING_CLOUD)) : null,
                Paired.of(samples.get(Side.DEFAULT), samples.get(Side.BASELINE)),
                Paired.of(samples.get(Side.LAZY), samples.get(Side.BASELINE)));
    }

    /**
     * The order of the sides in one round: rotated by one each round, so each side takes each place in turn.
     *
     * @param sides the sides of the comparison
     * @param round the round, from 0
     */
    static List<Side> order(List<Side> sides, int round) {
        List<Side> order = new ArrayList<>(sides.size());
        for (int i = 0; i < sides.size(); i++) {
            order.add(sides.get((round + i) % sides.size()));
        }
        return order;
    }

    private Sample probe(Side side) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(Arrays.asList(java, "-Xmx512m", "-cp", classpath(side),
                StartupProbe.class.getName()));
        if (side.mode() != null) {
            command.add(side.mode());
        }
        File log = File.createTempFile("startup-probe", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log).start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("start-up probe (" + side.label() + ") did not end within "
                        + RUN_TIMEOUT_SECONDS + " s");
            }
            List<String> output = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
            return output.stream()
                    .filter(line -> line.startsWith("STARTUP "))
                    .findFirst()
                    .map(Sample::parse)
                    .orElseThrow(() -> new IllegalStateException("start-up probe (" + side.label() + ") failed (exit "
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
