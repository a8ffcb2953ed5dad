package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception the Orchestration client throws. Unchecked. Messages name the operation and what
 * happened, and never contain a token, a client secret or an unbounded response body.
 *
 * <p>A failure of a client call also names the ids the call was made with (workflow, instance or trigger id,
 * stage number; never variables, bodies or secrets) and, when the call was retried, how many attempts were made
 * and how long they took, e.g. {@code [instanceID=8f3c..., after 3 attempts in 1.2 s]}. The failures of the
 * earlier attempts are attached as {@linkplain #getSuppressed() suppressed} exceptions.
 */
public class OrchestrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable OrchestrationOperation operation;
    private @Nullable String ids;
    private int attempts = 1;
    private @Nullable Duration elapsed;

    public OrchestrationException(@Nullable OrchestrationOperation operation, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The operation that failed, or {@code null} when the failure is not tied to one. */
    public @Nullable OrchestrationOperation operation() {
        return operation;
    }

    /**
     * How many requests the call sent before it failed: 1 without retries, more when a retry interceptor repeated
     * it, 0 when it was refused before sending (an open circuit).
     */
    public int attempts() {
        return attempts;
    }

    /** The ids of the call, e.g. {@code instanceID=8f3c...}, or an empty string for an operation without ids. */
    public String ids() {
        return ids == null ? "" : ids;
    }

    /** Records what the client knows of the call once it has failed for good. */
    void describeCall(String callIds, int attemptCount, Duration took) {
        this.ids = callIds;
        this.attempts = attemptCount;
        this.elapsed = took;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        String context = context();
        return context.isEmpty() ? message : message + " [" + context + "]";
    }

    private String context() {
        StringBuilder text = new StringBuilder(ids());
        if (attempts > 1 && elapsed != null) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append("after ").append(attempts).append(" attempts in ").append(shown(elapsed));
        }
        return text.toString();
    }

    private static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
