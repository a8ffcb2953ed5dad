package io.github.formancecommunity.orchestration.sample;

/**
 * A step of the scenario found that the server did not do what was expected (as opposed to a call that failed,
 * which throws the client's own exception).
 */
final class StepFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StepFailedException(String message) {
        super(message);
    }

    /** Fails the step with {@code failure} unless {@code condition} holds. */
    static void check(boolean condition, String failure) {
        if (!condition) {
            throw new StepFailedException(failure);
        }
    }
}
