package io.github.formancecommunity.orchestration.client.observation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * What the observation of one call knows: the operation, and once the call has ended how it ended. Its carrier
 * holds the headers a propagating handler (Micrometer Tracing) sets when the observation starts, such as the W3C
 * {@code traceparent}; the client sends them with every request of the call.
 */
public final class OrchestrationObservationContext extends SenderContext<Map<String, String>> {

    private final OrchestrationOperation operation;
    private @Nullable CallOutcome outcome;

    /**
     * Creates the context of one call.
     *
     * @param operation the operation called
     */
    public OrchestrationObservationContext(OrchestrationOperation operation) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        }, Kind.CLIENT);
        this.operation = Objects.requireNonNull(operation, "operation");
        setCarrier(new LinkedHashMap<>(4));
        setRemoteServiceName("formance-orchestration");
    }

    /**
     * The operation called.
     *
     * @return the operation
     */
    public OrchestrationOperation getOperation() {
        return operation;
    }

    /**
     * The HTTP status of the call's last response, or {@code IO_ERROR}, {@code TIMEOUT}, {@code CIRCUIT_OPEN},
     * {@code AUTH_ERROR}, {@code CLIENT_ERROR} for a failure without one.
     *
     * @return the status, {@code null} while the call runs
     */
    public @Nullable String getStatus() {
        return outcome == null ? null : outcome.status();
    }

    /**
     * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION}, {@code INFORMATIONAL} or
     * {@code UNKNOWN} (no usable response).
     *
     * @return the outcome, {@code null} while the call runs
     */
    public @Nullable String getOutcome() {
        return outcome == null ? null : outcome.outcome();
    }

    /**
     * The API {@code errorCode} of a failed call: {@code VALIDATION}, {@code NOT_FOUND}, {@code INTERNAL},
     * {@code OTHER} for an unknown code, {@code none} when the failure carried none.
     *
     * @return the error code, {@code null} while the call runs
     */
    public @Nullable String getErrorCode() {
        return outcome == null ? null : outcome.errorCode();
    }

    /**
     * Whether the call has ended.
     *
     * @return {@code true} once the call returned or threw
     */
    public boolean hasEnded() {
        return outcome != null;
    }

    @Nullable CallOutcome outcome() {
        return outcome;
    }

    void succeeded() {
        this.outcome = CallOutcome.success(operation);
    }

    void failed(Throwable failure) {
        this.outcome = CallOutcome.failure(failure);
        setError(failure);
    }
}
