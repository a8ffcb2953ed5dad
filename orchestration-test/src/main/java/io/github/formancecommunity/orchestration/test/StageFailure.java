package io.github.formancecommunity.orchestration.test;

/**
 * A stage that cannot run: a variable that does not resolve or a spec that fails validation. Like on the real
 * server, such a stage gets a status row with the error but no history entry.
 */
final class StageFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StageFailure(String message) {
        super(message, null, false, false);
    }
}
