package io.github.formancecommunity.orchestration.client.observation;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default convention: the observation (and so the timer Micrometer's {@code DefaultMeterObservationHandler}
 * makes of it) is named {@value #NAME}, its contextual name is the operation id, and its low-cardinality key values
 * are
 * <ul>
 * <li>{@code operation}: the seed operation name ({@link OrchestrationOperation#operationId()});</li>
 * <li>{@code method}: the HTTP method;</li>
 * <li>{@code status}: the HTTP status, or {@code IO_ERROR}, {@code TIMEOUT}, {@code CIRCUIT_OPEN},
 * {@code AUTH_ERROR}, {@code CLIENT_ERROR} for a failure without one;</li>
 * <li>{@code outcome}: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION},
 * {@code INFORMATIONAL} or {@code UNKNOWN};</li>
 * <li>{@code error.code}: {@code VALIDATION}, {@code NOT_FOUND}, {@code INTERNAL}, {@code OTHER} for an unknown
 * code, {@code none} when the failure carried none.</li>
 * </ul>
 * {@code status}, {@code outcome} and {@code error.code} are added when the call ends. No id, token or message is
 * ever a key value, so there are no high-cardinality key values.
 */
public class DefaultOrchestrationObservationConvention implements OrchestrationObservationConvention {

    /** The name of the observation and of its timer. */
    public static final String NAME = "formance.orchestration.client.requests";

    /** The shared instance. */
    public static final DefaultOrchestrationObservationConvention INSTANCE =
            new DefaultOrchestrationObservationConvention();

    private static final KeyValues[] RUNNING = running();
    private static final KeyValues[] SUCCEEDED = succeeded();

    private static KeyValues[] running() {
        OrchestrationOperation[] operations = OrchestrationOperation.values();
        KeyValues[] keyValues = new KeyValues[operations.length];
        for (OrchestrationOperation operation : operations) {
            keyValues[operation.ordinal()] = KeyValues.of(KeyValue.of("operation", operation.operationId()),
                    KeyValue.of("method", operation.httpMethod()));
        }
        return keyValues;
    }

    private static KeyValues[] succeeded() {
        OrchestrationOperation[] operations = OrchestrationOperation.values();
        KeyValues[] keyValues = new KeyValues[operations.length];
        for (OrchestrationOperation operation : operations) {
            keyValues[operation.ordinal()] = ended(operation, CallOutcome.success(operation));
        }
        return keyValues;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(OrchestrationObservationContext context) {
        return context.getOperation().operationId();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(OrchestrationObservationContext context) {
        CallOutcome outcome = context.outcome();
        return outcome == null ? RUNNING[context.getOperation().ordinal()] : keyValues(context.getOperation(), outcome);
    }

    /** The key values of a call of {@code operation} that ended with {@code outcome}. */
    static KeyValues keyValues(OrchestrationOperation operation, CallOutcome outcome) {
        if (outcome == CallOutcome.success(operation)) {
            return SUCCEEDED[operation.ordinal()];
        }
        return ended(operation, outcome);
    }

    private static KeyValues ended(OrchestrationOperation operation, CallOutcome outcome) {
        return RUNNING[operation.ordinal()].and(KeyValue.of("status", outcome.status()),
                KeyValue.of("outcome", outcome.outcome()), KeyValue.of("error.code", outcome.errorCode()));
    }
}
