package io.github.formancecommunity.orchestration.benchmarks;

import java.util.List;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;

/** Clients (a) and (b): the project's {@link OrchestrationV1}, with whatever owns it closed at the end. */
final class OrchestrationV1Target implements BenchmarkTarget {

    private final OrchestrationV1 client;
    private final AutoCloseable owner;
    private final String description;

    OrchestrationV1Target(OrchestrationV1 client, AutoCloseable owner, String description) {
        this.client = client;
        this.owner = owner;
        this.description = description;
    }

    @Override
    public Workflow getWorkflow(String workflowId) {
        return client.getWorkflow(workflowId);
    }

    @Override
    public List<WorkflowInstance> listInstances() {
        return client.listInstances();
    }

    @Override
    public WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables) {
        return client.runWorkflow(workflowId, variables);
    }

    /** What owns the client and is closed with it: the application context, or the plain client itself. */
    AutoCloseable owner() {
        return owner;
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
