package io.github.formancecommunity.orchestration.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * The price of each decoration on its own, without the network: the interceptors of the starter's context (with
 * one decoration on, or all, or none) run around a call that returns a ready result, in the order the client
 * runs them. A loopback HTTP call varies by more than these costs from one JVM to the next, so this is where
 * they can be read. Nanoseconds and bytes per successful {@code getWorkflow}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DecorationBenchmark {

    /**
     * none, metrics, breaker, retry or all (an application with a meter registry and no observation registry), or
     * observed: all, in an application that also has an observation registry, as with actuator.
     */
    @Param({"none", "metrics", "breaker", "retry", "all", "observed"})
    public String decorations;

    private ConfigurableApplicationContext context;
    private OrchestrationCallInterceptor[] interceptors;
    private OrchestrationCall<Workflow> result;

    /** Starts the starter's context with the chosen decorations and takes its interceptors. */
    @Setup(Level.Trial)
    public void start() {
        Map<String, Object> properties = new HashMap<>(switch (decorations) {
            case "none" -> ClientKind.decorations(false, false, false);
            case "metrics" -> ClientKind.decorations(true, false, false);
            case "breaker" -> ClientKind.decorations(false, true, false);
            case "retry" -> ClientKind.decorations(false, false, true);
            case "all", "observed" -> ClientKind.decorations(true, true, true);
            default -> throw new IllegalArgumentException("unknown decorations '" + decorations + "'");
        });
        properties.put("formance.orchestration.base-url", "http://127.0.0.1:9");
        properties.put("formance.orchestration.auth.token", ClientState.TOKEN);
        properties.put("logging.level.root", "WARN");
        properties.put(StarterContext.OBSERVATION_REGISTRY_PROPERTY, decorations.equals("observed"));
        context = StarterContext.startContext(properties);
        List<OrchestrationCallInterceptor> beans = context.getBeanProvider(OrchestrationCallInterceptor.class)
                .orderedStream()
                .toList();
        interceptors = beans.toArray(new OrchestrationCallInterceptor[0]);
        Workflow workflow = CannedPayloads.create().workflow();
        result = () -> workflow;
        System.out.println("decorations " + decorations + ": " + beans);
    }

    /** Closes the context. */
    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** One successful call through the interceptor chain, built per call as the client builds it. */
    @Benchmark
    public Workflow getWorkflow() {
        return chain(OrchestrationOperation.GET_WORKFLOW, result).execute();
    }

    private <T> OrchestrationCall<T> chain(OrchestrationOperation operation, OrchestrationCall<T> call) {
        OrchestrationCall<T> chain = call;
        for (int i = interceptors.length - 1; i >= 0; i--) {
            OrchestrationCallInterceptor interceptor = interceptors[i];
            OrchestrationCall<T> inner = chain;
            chain = () -> interceptor.intercept(operation, inner);
        }
        return chain;
    }
}
