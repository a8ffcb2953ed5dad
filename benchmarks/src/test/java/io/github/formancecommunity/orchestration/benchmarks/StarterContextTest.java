package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The two applications {@code DecorationBenchmark} compares for metrics: a meter registry alone ("all"), and a meter
 * registry with an observation registry ("observed"); both time a call with the same request timer.
 */
class StarterContextTest {

    private static Map<String, Object> properties(boolean observed) {
        Map<String, Object> properties = new HashMap<>(ClientKind.decorations(true, false, false));
        properties.putAll(StarterContext.properties("http://127.0.0.1:9", ClientState.TOKEN));
        properties.put(StarterContext.OBSERVATION_REGISTRY_PROPERTY, observed);
        return properties;
    }

    @Test
    void withoutTheObservationRegistryTheTimerIsRecordedWithoutOne() {
        try (ConfigurableApplicationContext context = StarterContext.startContext(properties(false))) {
            assertThat(context.getBeanProvider(ObservationRegistry.class).getIfAvailable()).isNull();
            timeOneCall(context);
        }
    }

    @Test
    void withTheObservationRegistryTheCallIsObservedInIt() {
        try (ConfigurableApplicationContext context = StarterContext.startContext(properties(true))) {
            assertThat(context.getBean(ObservationRegistry.class).isNoop()).isFalse();
            timeOneCall(context);
        }
    }

    private static void timeOneCall(ConfigurableApplicationContext context) {
        OrchestrationObservationInterceptor interceptor = context.getBean(OrchestrationObservationInterceptor.class);
        Workflow workflow = CannedPayloads.create().workflow();

        interceptor.intercept(OrchestrationOperation.GET_WORKFLOW, () -> workflow);

        assertThat(context.getBean(MeterRegistry.class).get(OrchestrationObservationInterceptor.OBSERVATION_NAME)
                .tag("operation", "getWorkflow").tag("status", "200").timer().count()).isEqualTo(1);
    }
}
