package io.github.formancecommunity.orchestration.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one minimal application context in this (fresh) JVM and prints one line with the figures:
 * {@code STARTUP contextMillis=<run() time> uptimeMillis=<JVM uptime when ready> heapBytes=<heap used after a
 * full GC> beans=<bean count> client=<whether an OrchestrationV1 bean exists> cpuMillis=<CPU time of the process
 * when ready, all threads> classes=<classes loaded when ready>}. CPU time and class count depend much less on
 * the machine's load than wall time does.
 *
 * <p>The application is the same with and without the starter; only the class path differs (see
 * {@code StartupComparison}). It refers to no class of the starter, so it runs on the baseline class path too.
 * The base URL points at a closed loopback port: starting must not need the network.
 */
public final class StartupProbe {

    /** The argument that excludes the Spring Cloud auto-configurations. */
    static final String EXCLUDE_SPRING_CLOUD = "--exclude-spring-cloud";

    private static final String CLIENT_TYPE = "io.github.formancecommunity.orchestration.client.OrchestrationV1";

    private StartupProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args empty, or {@value #EXCLUDE_SPRING_CLOUD} to exclude every Spring Cloud auto-configuration on
     *             the class path (to price what the Spring Cloud libraries under the client add)
     */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<String> properties = new ArrayList<>(List.of("formance.orchestration.base-url=http://127.0.0.1:9",
                "formance.orchestration.auth.token=startup-probe-token", "logging.level.root=WARN"));
        if (Arrays.asList(args).contains(EXCLUDE_SPRING_CLOUD)) {
            properties.add("spring.autoconfigure.exclude=" + String.join(",", springCloudAutoConfigurations()));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProbeApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties.toArray(String[]::new))
                .run();
        long contextNanos = System.nanoTime() - start;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = processCpuNanos() / 1_000_000;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        boolean client = hasClient(context);
        int beans = context.getBeanDefinitionCount();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        System.out.println("STARTUP contextMillis=" + contextNanos / 1_000_000.0 + " uptimeMillis=" + uptime
                + " heapBytes=" + heap + " beans=" + beans + " client=" + client + " cpuMillis=" + cpu
                + " classes=" + classes);
        context.close();
    }

    /** The auto-configurations of {@code org.springframework.cloud} listed by the jars on the class path. */
    static List<String> springCloudAutoConfigurations() throws IOException {
        List<String> names = new ArrayList<>();
        Enumeration<URL> resources = StartupProbe.class.getClassLoader().getResources(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        while (resources.hasMoreElements()) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(resources.nextElement().openStream(), StandardCharsets.UTF_8))) {
                reader.lines()
                        .map(String::strip)
                        .filter(line -> line.startsWith("org.springframework.cloud."))
                        .forEach(names::add);
            }
        }
        return names;
    }

    /** CPU time of the whole process so far (all threads: JIT, GC), -1 when the JVM does not tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static boolean hasClient(ConfigurableApplicationContext context) {
        try {
            Class<?> type = Class.forName(CLIENT_TYPE, false, StartupProbe.class.getClassLoader());
            return context.getBeanNamesForType(type).length > 0;
        }
        catch (ClassNotFoundException ex) {
            return false;
        }
    }

    /** The minimal application: auto-configuration only. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ProbeApplication {
    }
}
