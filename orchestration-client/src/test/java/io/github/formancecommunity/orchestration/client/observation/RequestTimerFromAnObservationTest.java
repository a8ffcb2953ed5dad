package io.github.formancecommunity.orchestration.client.observation;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * The cases of {@link RequestTimerTest} on the timer that Micrometer's {@link DefaultMeterObservationHandler} makes
 * from the observation of an {@link ObservationRegistry}: the timer of an application with an observation registry
 * has the same name, tags and counts as the one recorded without it.
 */
class RequestTimerFromAnObservationTest extends RequestTimerTest {

    @Override
    OrchestrationObservationInterceptor timerInterceptor() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry,
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        return new OrchestrationObservationInterceptor(observations);
    }
}
