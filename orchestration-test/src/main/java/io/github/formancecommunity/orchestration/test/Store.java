package io.github.formancecommunity.orchestration.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's in-memory state, in insertion order. Every method holds the store's monitor; code that reads or
 * changes records across several calls synchronizes on the store itself.
 */
final class Store {

    private final Map<String, WorkflowRecord> workflows = new LinkedHashMap<>();
    private final Map<String, InstanceRecord> instances = new LinkedHashMap<>();
    private final Map<String, TriggerRecord> triggers = new LinkedHashMap<>();
    private final List<OccurrenceRecord> occurrences = new ArrayList<>();
    private final Map<String, Long> nextTransactionIds = new HashMap<>();
    private final java.util.Set<String> triggerRunIds = new java.util.HashSet<>();

    synchronized void add(WorkflowRecord workflow) {
        workflows.put(workflow.id, workflow);
    }

    synchronized void add(InstanceRecord instance) {
        instances.put(instance.id, instance);
    }

    synchronized void add(TriggerRecord trigger) {
        triggers.put(trigger.id, trigger);
    }

    synchronized void add(OccurrenceRecord occurrence) {
        occurrences.add(occurrence);
    }

    synchronized WorkflowRecord workflow(String id) {
        return workflows.get(id);
    }

    synchronized InstanceRecord instance(String id) {
        return instances.get(id);
    }

    synchronized TriggerRecord trigger(String id) {
        return triggers.get(id);
    }

    synchronized List<WorkflowRecord> workflows() {
        return new ArrayList<>(workflows.values());
    }

    synchronized List<InstanceRecord> instances() {
        return new ArrayList<>(instances.values());
    }

    synchronized List<TriggerRecord> triggers() {
        return new ArrayList<>(triggers.values());
    }

    synchronized List<OccurrenceRecord> occurrences(String triggerId) {
        return occurrences.stream().filter(o -> o.triggerId().equals(triggerId)).toList();
    }

    /** The next transaction id of a ledger, starting at 0 like the ledger does. */
    synchronized long nextTransactionId(String ledger) {
        long id = nextTransactionIds.getOrDefault(ledger, 0L);
        nextTransactionIds.put(ledger, id + 1);
        return id;
    }

    /** Forgets everything and returns the instances that were stored, so their timers can be cancelled. */
    /**
     * Claims the id of a trigger run, as Temporal's reject-duplicate id policy does on the real server.
     *
     * @return {@code false} when a run with this id was already started
     */
    synchronized boolean claimTriggerRun(String id) {
        return triggerRunIds.add(id);
    }

    synchronized List<InstanceRecord> clear() {
        List<InstanceRecord> dropped = new ArrayList<>(instances.values());
        workflows.clear();
        instances.clear();
        triggers.clear();
        occurrences.clear();
        nextTransactionIds.clear();
        triggerRunIds.clear();
        return dropped;
    }
}
