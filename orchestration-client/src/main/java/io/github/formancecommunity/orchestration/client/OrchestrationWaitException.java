package io.github.formancecommunity.orchestration.client;

/**
 * An {@link InstanceWaiter} stopped waiting because the instance can no longer reach the awaited state: it ended
 * first, or the awaited stage failed. The message says what was awaited and what was last seen.
 */
public class OrchestrationWaitException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final String lastSeen;

    public OrchestrationWaitException(OrchestrationOperation operation, String message, String lastSeen) {
        super(operation, message, null);
        this.lastSeen = lastSeen;
    }

    /** A short description of the instance's state at the last poll, e.g. {@code stage 1 RunWaitEvent(processed) running}. */
    public String lastSeen() {
        return lastSeen;
    }
}
