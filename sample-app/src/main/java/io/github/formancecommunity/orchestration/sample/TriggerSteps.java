package io.github.formancecommunity.orchestration.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * The trigger part of the tour: create a trigger on the workflow, read it, list triggers, fire it (on the embedded
 * server only, which can emit events), list its occurrences and delete it.
 */
final class TriggerSteps {

    /** The event type the trigger listens to. */
    static final String TRIGGER_EVENT = "SAMPLE_PAYMENT_SAVED";
    /** The trigger's filter, an expr-lang expression on the event's payload. */
    static final String FILTER = "event.amount > 0";
    /** The V1 {@code listTriggers} answers with its first page only. */
    private static final int FIRST_PAGE = 15;

    private final OrchestrationV1 orchestration;
    private final Optional<EmbeddedOrchestrationServer> embedded;
    private final TourState state;

    TriggerSteps(OrchestrationV1 orchestration, Optional<EmbeddedOrchestrationServer> embedded, TourState state) {
        this.orchestration = orchestration;
        this.embedded = embedded;
        this.state = state;
    }

    void manageTrigger(StepRecorder recorder) {
        String workflowId = state.workflowId();
        TriggerData data = TriggerData.of(TRIGGER_EVENT, workflowId)
                .withName(state.triggerName)
                .withFilter(FILTER)
                .withVars(Map.of("user", "event.user"));
        Trigger created = recorder.call(OrchestrationOperation.CREATE_TRIGGER, state.triggerName,
                () -> orchestration.createTrigger(data),
                (Trigger trigger) -> "id " + trigger.id() + ", on " + trigger.event() + " runs workflow "
                        + Describe.shortId(trigger.workflowID()));
        state.triggerId = created.id();
        String what = "trigger " + Describe.shortId(created.id());

        Trigger read = recorder.call(OrchestrationOperation.READ_TRIGGER, what,
                () -> orchestration.readTrigger(created.id()),
                (Trigger trigger) -> "name " + trigger.name() + ", filter '" + trigger.filter() + "'");
        StepFailedException.check(created.id().equals(read.id()) && workflowId.equals(read.workflowID()),
                "readTrigger returned another trigger: " + read.id());

        List<Trigger> listed = recorder.call(OrchestrationOperation.LIST_TRIGGERS, "all triggers",
                () -> orchestration.listTriggers(),
                (List<Trigger> triggers) -> triggers.size() + " trigger(s), ours " + (triggers.stream()
                        .anyMatch(trigger -> trigger.id().equals(created.id())) ? "included"
                                : triggers.size() >= FIRST_PAGE ? "not on the first page (V1 lists "
                                        + FIRST_PAGE + ")" : "missing"));
        StepFailedException.check(listed.size() >= FIRST_PAGE
                || listed.stream().anyMatch(trigger -> trigger.id().equals(created.id())),
                "listTriggers did not return trigger " + created.id());

        boolean fired = fire(recorder);
        List<TriggerOccurrence> occurrences = recorder.call(OrchestrationOperation.LIST_TRIGGERS_OCCURRENCES, what,
                () -> orchestration.listTriggersOccurrences(created.id()), TriggerSteps::occurrences);
        if (fired) {
            StepFailedException.check(!occurrences.isEmpty(), "the trigger fired but listTriggersOccurrences is empty");
        }

        recorder.call(OrchestrationOperation.DELETE_TRIGGER, what, () -> orchestration.deleteTrigger(created.id()),
                "deleted");
        state.triggerDeleted = true;
    }

    /** Emits a matching event on the embedded server, so the trigger has an occurrence; returns whether it did. */
    private boolean fire(StepRecorder recorder) {
        if (embedded.isEmpty()) {
            recorder.note("events", "not emitted: only the embedded server can emit " + TRIGGER_EVENT
                    + "; listing the occurrences there are");
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", 100);
        payload.put("user", "42");
        String what = TRIGGER_EVENT + " " + OrchestrationJson.mapper().writeValueAsString(payload);
        List<TriggerOccurrence> fired = recorder.local("server.emitEvent", what,
                () -> embedded.get().emitEvent(TRIGGER_EVENT, payload),
                occurrences -> occurrences.size() + " occurrence(s) fired");
        return !fired.isEmpty();
    }

    private static String occurrences(List<TriggerOccurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return "none";
        }
        TriggerOccurrence last = occurrences.get(occurrences.size() - 1);
        String outcome = last.error() != null ? "error '" + last.error() + "'"
                : "started instance " + Describe.shortId(last.workflowInstanceID());
        return occurrences.size() + " occurrence(s), last at " + last.date() + ": " + outcome;
    }
}
