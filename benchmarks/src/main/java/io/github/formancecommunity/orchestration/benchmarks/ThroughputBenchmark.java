package io.github.formancecommunity.orchestration.benchmarks;

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

/** Calls per second with 16 threads sharing one client: contention in the client and its connection pool. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThroughputBenchmark {

    /** {@code GET /workflows/{id}} from 16 threads. */
    @Benchmark
    public Workflow getWorkflow(ClientState state) {
        return state.target.getWorkflow(state.workflowId);
    }

    /** {@code POST /workflows/{id}/instances} from 16 threads. */
    @Benchmark
    public WorkflowInstance runWorkflow(ClientState state) {
        return state.target.runWorkflow(state.workflowId, state.variables);
    }
}
