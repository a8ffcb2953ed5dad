package io.github.formancecommunity.orchestration.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

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

    private static final String CLIENT_TYPE = "io.github.formancecommunity.orchestration.client.OrchestrationV1";

    private StartupProbe() {
    }

    /** Runs the probe; no arguments. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProbeApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("formance.orchestration.base-url=http://127.0.0.1:9",
                        "formance.orchestration.auth.token=startup-probe-token", "logging.level.root=WARN")
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
