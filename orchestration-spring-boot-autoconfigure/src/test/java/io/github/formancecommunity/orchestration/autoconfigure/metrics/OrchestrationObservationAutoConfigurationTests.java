package io.github.formancecommunity.orchestration.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.github.formancecommunity.orchestration.client.observation.DefaultOrchestrationObservationConvention;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationConvention;
import io.github.formancecommunity.orchestration.client.observation.OrchestrationObservationInterceptor;

class OrchestrationObservationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationObservationAutoConfiguration.class));

    @Test
    void absentWithoutAnObservationRegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class));
    }

    @Test
    void observesThroughTheApplicationsRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            context.getBean(OrchestrationObservationInterceptor.class)
                    .intercept(OrchestrationOperation.GET_WORKFLOW, () -> "ok");
            TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                    .hasLowCardinalityKeyValue("operation", "getWorkflow");
        });
    }

    @Test
    void presentWithBootsObservationAutoConfiguration() {
        runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class));
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues("formance.orchestration.observation.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class));
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues("formance.orchestration.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class));
    }

    @Test
    void absentWithoutMicrometerObservation() {
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OrchestrationObservationInterceptor.class);
        });
    }

    @Test
    void theApplicationsInterceptorWins() {
        runner.withUserConfiguration(OwnObservation.class).run(context -> {
            assertThat(context).hasSingleBean(OrchestrationObservationInterceptor.class);
            assertThat(context).hasBean("myObservation");
        });
    }

    @Test
    void aConventionBeanReplacesTheDefaultConvention() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withBean(OrchestrationObservationConvention.class, () -> new DefaultOrchestrationObservationConvention() {
                    @Override
                    public String getName() {
                        return "my.orchestration.calls";
                    }
                })
                .run(context -> {
                    context.getBean(OrchestrationObservationInterceptor.class)
                            .intercept(OrchestrationOperation.GET_SERVER_INFO, () -> "ok");
                    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                            .hasNameEqualTo("my.orchestration.calls")
                            .hasLowCardinalityKeyValue("operation", "orchestrationgetServerInfo");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnObservation {

        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }

        @Bean
        OrchestrationObservationInterceptor myObservation(ObservationRegistry registry) {
            return new OrchestrationObservationInterceptor(registry);
        }
    }
}
