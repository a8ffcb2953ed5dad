package io.github.formancecommunity.orchestration.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;

class OrchestrationMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationMetricsAutoConfiguration.class));

    @Test
    void absentWithoutAMeterRegistry() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class);
        });
    }

    @Test
    void presentWithTheApplicationsMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class);
            context.getBean(OrchestrationObservationInterceptor.class)
                    .intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> "ok");
            assertThat(context.getBean(MeterRegistry.class)
                    .find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers()).hasSize(1);
        });
    }

    @Test
    void presentWithBootsMetricsAutoConfiguration() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class);
                    context.getBean(OrchestrationObservationInterceptor.class)
                            .intercept(OrchestrationOperation.LIST_WORKFLOWS, () -> "ok");
                    assertThat(context.getBean(MeterRegistry.class)
                            .find(OrchestrationObservationInterceptor.OBSERVATION_NAME).timers()).isNotEmpty();
                });
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("formance.orchestration.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("formance.orchestration.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class));
    }

    @Test
    void absentWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class);
        });
    }

    @Test
    void theApplicationsInterceptorWins() {
        runner.withUserConfiguration(OwnMetrics.class).run(context -> {
            assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class);
            assertThat(context).hasBean("myMetrics");
        });
    }

    @Test
    void stepsBackWhenTheCallsAreObservedSoEachCallIsTimedOnce() {
        runner.withConfiguration(AutoConfigurations.of(OrchestrationObservationAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, () -> {
                    ObservationRegistry registry = ObservationRegistry.create();
                    return registry;
                })
                .run(context -> {
                    assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class);
                    assertThat(context).hasBean("orchestrationObservationInterceptor");
                    assertThat(context).doesNotHaveBean("orchestrationMetricsInterceptor");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        OrchestrationObservationInterceptor myMetrics(MeterRegistry registry) {
            return OrchestrationObservationInterceptor.metrics(registry);
        }
    }
}
