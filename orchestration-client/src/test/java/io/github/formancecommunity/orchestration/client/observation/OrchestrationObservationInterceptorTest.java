package io.github.formancecommunity.orchestration.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

class OrchestrationObservationInterceptorTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final OrchestrationObservationInterceptor interceptor = new OrchestrationObservationInterceptor(registry);

    @Test
    void aSuccessfulCallIsAnObservationInScopeWhileTheRequestRuns() {
        AtomicReference<Observation> current = new AtomicReference<>();

        String result = interceptor.intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> {
            current.set(registry.getCurrentObservation());
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(current.get()).isNotNull();
        assertThat(registry.getCurrentObservation()).isNull();
        TestObservationRegistryAssert.assertThat(registry)
                .hasSingleObservationThat()
                .hasNameEqualTo(OrchestrationObservationInterceptor.OBSERVATION_NAME)
                .hasContextualNameEqualTo("listWorkflows")
                .hasLowCardinalityKeyValue("operation", "listWorkflows")
                .hasLowCardinalityKeyValue("method", "GET")
                .hasLowCardinalityKeyValue("status", "200")
                .doesNotHaveError()
                .hasBeenStopped();
    }

    @Test
    void aFailureIsRecordedOnTheObservation() {
        OrchestrationApiException failure = new OrchestrationApiException(OrchestrationOperation.GET_INSTANCE, 500,
                null, null, null, null, "getInstance: HTTP 500");

        assertThatThrownBy(() -> interceptor.intercept(OrchestrationOperation.GET_INSTANCE, () -> {
            throw failure;
        })).isSameAs(failure);

        TestObservationRegistryAssert.assertThat(registry)
                .hasSingleObservationThat()
                .hasLowCardinalityKeyValue("operation", "getInstance")
                .hasLowCardinalityKeyValue("status", "500")
                .hasError(failure)
                .hasBeenStopped();
    }

    @Test
    void aNoopRegistryStillRunsTheCall() {
        OrchestrationObservationInterceptor noop = new OrchestrationObservationInterceptor(ObservationRegistry.NOOP);

        assertThat(noop.intercept(OrchestrationOperation.GET_SERVER_INFO, () -> "ok")).isEqualTo("ok");
    }
}
