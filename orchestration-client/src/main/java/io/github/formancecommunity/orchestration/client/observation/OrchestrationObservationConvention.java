package io.github.formancecommunity.orchestration.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names the observation of an Orchestration call and its key values. Register one with
 * {@code OrchestrationClientBuilder#observationConvention} (or as a bean with the starter) to replace
 * {@link DefaultOrchestrationObservationConvention}, usually by extending it.
 */
public interface OrchestrationObservationConvention extends ObservationConvention<OrchestrationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof OrchestrationObservationContext;
    }
}
