package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.formancecommunity.orchestration.autoconfigure.metrics.OrchestrationMetricsAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.metrics.OrchestrationObservationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationRetryAutoConfiguration;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The starter's interceptors come out of the context outermost first: observation, retry, breaker; with an
 * observation registry there is no separate metrics interceptor, the observation makes the timer.
 */
class InterceptorOrderTests {

    @Test
    void theInterceptorsAreOrderedByTheirOrderConstants() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrchestrationCircuitBreakerAutoConfiguration.class,
                        OrchestrationRetryAutoConfiguration.class, OrchestrationMetricsAutoConfiguration.class,
                        OrchestrationObservationAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(context.getBeanProvider(OrchestrationCallInterceptor.class)
                        .orderedStream().map(Object::getClass).toList()).containsExactly(
                                OrchestrationObservationInterceptor.class, OrchestrationRetryInterceptor.class, OrchestrationCircuitBreakerInterceptor.class));
    }
}
