package io.github.formancecommunity.orchestration.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one minimal application context in this (fresh) JVM and prints one line with the figures:
 * <pre>
 * STARTUP contextMillis=&lt;run() time&gt; uptimeMillis=&lt;JVM uptime when ready&gt; heapBytes=&lt;heap used after
 *   a full GC&gt; beans=&lt;bean count&gt; client=&lt;whether an OrchestrationV1 bean exists&gt; cpuMillis=&lt;CPU time
 *   of the process when ready, all threads&gt; classes=&lt;classes loaded when ready&gt; warmUpMillis=&lt;from run()
 *   returning until the warm-up thread ended, 0 without one&gt; classesAfterWarmUp=&lt;classes loaded then&gt;
 *   warm=&lt;whether the client was built by then&gt; firstCallMillis=&lt;the first getServerInfo() call, -1 without
 *   a client&gt; springCloud=&lt;whether the context has Spring Cloud OpenFeign's FeignClientFactory&gt;
 *   cloudContext=&lt;whether that factory has the child context formance-orchestration after the first call,
 *   i.e. the client was built through Spring Cloud OpenFeign&gt;
 * </pre>
 * In that order: context time, uptime, CPU time and class count are taken the moment {@code run()} returns; then
 * the probe waits (at most {@value #WARM_UP_TIMEOUT_MILLIS} ms) for the starter's {@code orchestration-warm-up}
 * thread if there is one, so that the full GC and the heap figure come after it on every side and are comparable;
 * then it times one {@code getServerInfo()} call. CPU time and class count depend much less on the machine's load
 * than wall time does.
 *
 * <p>The application is the same with and without the starter; only the class path and the one optional
 * argument differ (see {@code StartupComparison}). The argument, {@code background}, {@code lazy} or
 * {@code eager}, becomes {@code formance.orchestration.initialization}; without it the starter's default applies.
 * The probe refers to no class of the starter or of Spring Cloud (it runs on the baseline class paths too) and
 * reaches the client and Spring Cloud OpenFeign's client factory by reflection. Before the context starts, it
 * starts a {@link ServerInfoStub} on loopback on every side, so that the baselines load the same server classes,
 * and points {@code formance.orchestration.base-url} at it; starting sends nothing over the network.
 */
public final class StartupProbe {

    /** The name of the starter's warm-up thread, which ends when the client is built. */
    static final String WARM_UP_THREAD = "orchestration-warm-up";

    /** The property the probe's argument sets. */
    static final String INITIALIZATION_PROPERTY = "formance.orchestration.initialization";

    static final long WARM_UP_TIMEOUT_MILLIS = 60_000;

    private static final String CLIENT_TYPE = "io.github.formancecommunity.orchestration.client.OrchestrationV1";
    private static final String FEIGN_CLIENT_FACTORY_TYPE = "org.springframework.cloud.openfeign.FeignClientFactory";

    /** The Spring Cloud OpenFeign client name (and child context) of the client in Spring Cloud mode. */
    static final String SPRING_CLOUD_CLIENT_NAME = "formance-orchestration";
    private static final String PATH_PREFIX = "/api/orchestration";

    private StartupProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args nothing for the starter's default initialization, or one of {@code background}, {@code lazy},
     *             {@code eager}
     */
    public static void main(String[] args) throws Exception {
        System.out.println(measure(args));
    }

    /** Starts the context, takes the figures, closes it and returns the {@code STARTUP} line. */
    static String measure(String[] args) throws Exception {
        if (args.length > 1) {
            throw new IllegalArgumentException("expected at most one argument, the value of "
                    + INITIALIZATION_PROPERTY + " (background, lazy or eager), got " + args.length);
        }
        try (ServerInfoStub server = ServerInfoStub.start(PATH_PREFIX)) {
            List<String> properties = new ArrayList<>(List.of("formance.orchestration.base-url=" + server.baseUrl(),
                    "formance.orchestration.path-prefix=" + PATH_PREFIX,
                    "formance.orchestration.auth.token=startup-probe-token", "logging.level.root=WARN"));
            if (args.length == 1) {
                properties.add(INITIALIZATION_PROPERTY + "=" + args[0]);
            }
            long start = System.nanoTime();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ProbeApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(properties.toArray(String[]::new))
                    .run();
            long ready = System.nanoTime();
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = processCpuNanos() / 1_000_000;
            int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            try (context) {
                Class<?> clientType = clientType();
                Object client = clientType == null ? null : context.getBeanProvider(clientType).getIfUnique();
                int beans = context.getBeanDefinitionCount();
                double warmUpMillis = awaitThread(WARM_UP_THREAD, ready, WARM_UP_TIMEOUT_MILLIS);
                int classesAfterWarmUp = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                boolean warm = client != null && isWarm(client);
                System.gc();
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                double firstCallMillis = client == null ? -1 : timeFirstCall(clientType, client, server);
                Object feignClientFactory = feignClientFactory(context);
                boolean cloudContext = feignClientFactory != null
                        && contextNames(feignClientFactory).contains(SPRING_CLOUD_CLIENT_NAME);
                return "STARTUP contextMillis=" + (ready - start) / 1_000_000.0 + " uptimeMillis=" + uptime
                        + " heapBytes=" + heap + " beans=" + beans + " client=" + (client != null)
                        + " cpuMillis=" + cpu + " classes=" + classes
                        + " warmUpMillis=" + String.format(Locale.ROOT, "%.3f", warmUpMillis)
                        + " classesAfterWarmUp=" + classesAfterWarmUp + " warm=" + warm
                        + " firstCallMillis=" + String.format(Locale.ROOT, "%.3f", firstCallMillis)
                        + " springCloud=" + (feignClientFactory != null) + " cloudContext=" + cloudContext;
            }
        }
    }

    /**
     * Waits for the live thread of that name, if any, to end.
     *
     * @param name          the thread's name
     * @param sinceNanos    the {@link System#nanoTime()} the result is counted from
     * @param timeoutMillis how long to wait at most
     * @return milliseconds from {@code sinceNanos} until the thread had ended, 0 when no such thread was alive
     * @throws IllegalStateException when the thread is still alive after the time-out
     */
    static double awaitThread(String name, long sinceNanos, long timeoutMillis) throws InterruptedException {
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(candidate -> name.equals(candidate.getName()))
                .findFirst()
                .orElse(null);
        if (thread == null) {
            return 0;
        }
        thread.join(timeoutMillis);
        if (thread.isAlive()) {
            throw new IllegalStateException("thread " + name + " still runs " + timeoutMillis + " ms later");
        }
        return (System.nanoTime() - sinceNanos) / 1_000_000.0;
    }

    /** CPU time of the whole process so far (all threads: JIT, GC), -1 when the JVM does not tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The client interface, or {@code null} on a class path without it (the baseline). */
    private static @Nullable Class<?> clientType() {
        try {
            return Class.forName(CLIENT_TYPE, false, StartupProbe.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            return null;
        }
    }

    /** Spring Cloud OpenFeign's {@code FeignClientFactory} bean, {@code null} on a class path or context without it. */
    private static @Nullable Object feignClientFactory(ConfigurableApplicationContext context) {
        Class<?> type;
        try {
            type = Class.forName(FEIGN_CLIENT_FACTORY_TYPE, false, StartupProbe.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            return null;
        }
        return context.getBeanProvider(type).getIfUnique();
    }

    /** The names of the child contexts the factory has created so far ({@code NamedContextFactory}). */
    private static Set<?> contextNames(Object feignClientFactory) throws ReflectiveOperationException {
        return (Set<?>) invoke(feignClientFactory.getClass().getMethod("getContextNames"), feignClientFactory);
    }

    /** The client's {@code isWarm()}: whether its mapper, pool and Feign target are built. */
    private static boolean isWarm(Object client) throws ReflectiveOperationException {
        return (Boolean) invoke(client.getClass().getMethod("isWarm"), client);
    }

    /** Times one {@code getServerInfo()} and checks that it reached the stub and read its answer. */
    private static double timeFirstCall(Class<?> clientType, Object client, ServerInfoStub server)
            throws ReflectiveOperationException {
        Method getServerInfo = clientType.getMethod("getServerInfo");
        long start = System.nanoTime();
        Object info = invoke(getServerInfo, client);
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        Object version = info == null ? null : info.getClass().getMethod("version").invoke(info);
        if (!ServerInfoStub.VERSION.equals(version) || server.infoRequests() != 1) {
            throw new IllegalStateException("the first call did not read the stub's answer: got " + info + " after "
                    + server.infoRequests() + " _info requests");
        }
        return millis;
    }

    private static @Nullable Object invoke(Method method, Object target) throws ReflectiveOperationException {
        try {
            return method.invoke(target);
        }
        catch (InvocationTargetException ex) {
            throw new IllegalStateException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + "() failed: " + ex.getCause(),
                    ex.getCause());
        }
    }

    /** The minimal application: auto-configuration only. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ProbeApplication {
    }
}
