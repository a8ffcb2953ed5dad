package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code wait_event} stage, the spec schema {@code StageWaitEvent}: blocks until an event of that name is sent.
 *
 * @param event the event name, matched by the {@code name} of {@code sendEvent}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageWaitEvent(String event) {

    /** A wait for the named event. */
    public static StageWaitEvent of(String event) {
        return new StageWaitEvent(event);
    }
}
