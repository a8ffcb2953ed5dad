package io.github.formancecommunity.orchestration.benchmarks;

import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;

/** The three operations under measurement, as each client under test performs them. */
interface BenchmarkTarget extends AutoCloseable {

    /** {@code GET /workflows/{id}}, unwrapped. */
    Workflow getWorkflow(String workflowId);

    /** {@code GET /instances}, unwrapped. */
    List<WorkflowInstance> listInstances();

    /** {@code POST /workflows/{id}/instances} with the variables as body, unwrapped. */
    WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables);

    @Override
    void close() throws Exception;
}
