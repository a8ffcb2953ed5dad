package io.github.formancecommunity.orchestration.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
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

    @Test
    void aCustomConventionReplacesTheDefaultOne() {
        OrchestrationObservationConvention custom = new DefaultOrchestrationObservationConvention() {
            @Override
            public String getName() {
                return "my.orchestration.calls";
            }
        };
        OrchestrationObservationInterceptor customized = new OrchestrationObservationInterceptor(registry, custom);

        customized.intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> "ok");

        TestObservationRegistryAssert.assertThat(registry)
                .hasSingleObservationThat()
                .hasNameEqualTo("my.orchestration.calls")
                .hasLowCardinalityKeyValue("operation", "listWorkflows")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("error.code", "none");
    }

    @Test
    void oneCallMakesExactlyOneTimerThroughTheMeterHandler() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        OrchestrationObservationInterceptor observed = new OrchestrationObservationInterceptor(observations);

        observed.intercept(OrchestrationOperation.GET_WORKFLOW, () -> "ok");

        assertThat(meters.getMeters()).filteredOn(Timer.class::isInstance).singleElement().satisfies(meter -> {
            assertThat(meter.getId().getName()).isEqualTo(OrchestrationObservationInterceptor.OBSERVATION_NAME);
            assertThat(((Timer) meter).count()).isEqualTo(1);
            assertThat(meter.getId().getTag("operation")).isEqualTo("getWorkflow");
            assertThat(meter.getId().getTag("method")).isEqualTo("GET");
            assertThat(meter.getId().getTag("status")).isEqualTo("200");
            assertThat(meter.getId().getTag("outcome")).isEqualTo("SUCCESS");
            assertThat(meter.getId().getTag("error.code")).isEqualTo("none");
        });
    }

    @Test
    void withOnlyAMeterRegistryTheSameTimerIsRecorded() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        OrchestrationObservationInterceptor.metrics(meters).intercept(OrchestrationOperation.GET_WORKFLOW, () -> "ok");

        assertThat(meters.getMeters()).filteredOn(Timer.class::isInstance).singleElement().satisfies(meter -> {
            assertThat(meter.getId().getName()).isEqualTo(OrchestrationObservationInterceptor.OBSERVATION_NAME);
            assertThat(meter.getId().getTag("operation")).isEqualTo("getWorkflow");
            assertThat(meter.getId().getTag("status")).isEqualTo("200");
        });
    }

    @Test
    void theHeadersSetWhenTheObservationStartsGoWithTheCall() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<OrchestrationObservationContext>() {
            @Override
            public void onStart(OrchestrationObservationContext context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-abc-def-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof OrchestrationObservationContext;
            }
        });
        Map<String, String> sent = new HashMap<>();
        OrchestrationCall<String> call = new OrchestrationCall<>() {
            @Override
            public String execute() {
                return "ok";
            }

            @Override
            public void header(String name, String value) {
                sent.put(name, value);
            }
        };

        new OrchestrationObservationInterceptor(observations).intercept(OrchestrationOperation.LIST_WORKFLOWS, call);

        assertThat(sent).containsExactly(Map.entry("traceparent", "00-abc-def-01"));
    }
}
