package io.github.formancecommunity.orchestration.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;

/** Average time per call, one thread: the latency a single caller sees, in microseconds. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class LatencyBenchmark {

    /** {@code GET /workflows/{id}}: a small body. */
    @Benchmark
    public Workflow getWorkflow(ClientState state) {
        return state.target.getWorkflow(state.workflowId);
    }

    /** {@code GET /instances}: 500 instances, about 1 MB of JSON. */
    @Benchmark
    public List<WorkflowInstance> listInstances(ClientState state) {
        return state.target.listInstances();
    }

    /** {@code POST /workflows/{id}/instances}: a JSON body out, a 201 back. */
    @Benchmark
    public WorkflowInstance runWorkflow(ClientState state) {
        return state.target.runWorkflow(state.workflowId, state.variables);
    }
}
