package io.github.formancecommunity.orchestration.client.observation;

import java.util.Objects;

import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Wraps every call, retries included, in an {@link Observation} named {@value #OBSERVATION_NAME}, with the
 * contextual name of the operation and the low-cardinality key values {@code operation}, {@code method} and
 * (once the call has ended) {@code status}, which has the values of the request timer's tag. A failure is recorded
 * with {@link Observation#error(Throwable)}. The observation is current (in scope) on the caller's thread while
 * the request is sent, so tracing handlers see the request as its child.
 */
public final class OrchestrationObservationInterceptor implements OrchestrationCallInterceptor {

    /** Name of the observation. */
    public static final String OBSERVATION_NAME = "formance.orchestration.client";

    private final ObservationRegistry registry;
    private final KeyValues[] keyValues;

    /**
     * Creates the interceptor.
     *
     * @param registry the registry the observations are made in
     */
    public OrchestrationObservationInterceptor(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        OrchestrationOperation[] operations = OrchestrationOperation.values();
        this.keyValues = new KeyValues[operations.length];
        for (OrchestrationOperation operation : operations) {
            keyValues[operation.ordinal()] = KeyValues.of("operation", operation.operationId(), "method",
                    operation.httpMethod());
        }
    }

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        if (registry.isNoop()) {
            return call.execute();
        }
        Observation observation = Observation.createNotStarted(OBSERVATION_NAME, registry)
                .contextualName(operation.operationId())
                .lowCardinalityKeyValues(keyValues[operation.ordinal()])
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            T result = call.execute();
            observation.lowCardinalityKeyValue("status", Integer.toString(operation.successStatus()));
            return result;
        }
        catch (RuntimeException ex) {
            observation.lowCardinalityKeyValue("status", CallOutcome.failure(ex).status());
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "OrchestrationObservationInterceptor[" + OBSERVATION_NAME + "]";
    }
}
