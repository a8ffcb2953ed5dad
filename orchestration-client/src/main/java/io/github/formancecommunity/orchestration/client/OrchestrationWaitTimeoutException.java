package io.github.formancecommunity.orchestration.client;

import java.time.Duration;

/**
 * An {@link InstanceWaiter} ran out of time before the instance reached the awaited state. The message names the
 * instance, what was awaited, how long was waited and what was last seen.
 */
public class OrchestrationWaitTimeoutException extends OrchestrationTimeoutException {

    private static final long serialVersionUID = 1L;

    private final String lastSeen;
    private final Duration waited;

    public OrchestrationWaitTimeoutException(OrchestrationOperation operation, String message, String lastSeen,
            Duration waited) {
        super(operation, message, null);
        this.lastSeen = lastSeen;
        this.waited = waited;
    }

    /** A short description of the instance's state at the last poll. */
    public String lastSeen() {
        return lastSeen;
    }

    /** How long the waiter polled before giving up. */
    public Duration waited() {
        return waited;
    }
}
