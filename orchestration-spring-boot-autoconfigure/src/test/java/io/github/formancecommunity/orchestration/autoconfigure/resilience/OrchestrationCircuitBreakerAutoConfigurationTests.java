package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.formancecommunity.orchestration.client.circuitbreaker.CircuitBreakerMeters;

class OrchestrationCircuitBreakerAutoConfigurationTests {

    private static final String BREAKER = OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationCircuitBreakerAutoConfiguration.class));

    private static CircuitBreaker breaker(org.springframework.context.ApplicationContext context) {
        return context.getBean(BREAKER, CircuitBreaker.class);
    }

    @Test
    void presentByDefaultWithResilience4jDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OrchestrationCircuitBreakerInterceptor.class);
            CircuitBreaker breaker = breaker(context);
            assertThat(breaker.getName()).isEqualTo("formance-orchestration");
            CircuitBreakerConfig defaults = CircuitBreakerConfig.ofDefaults();
            CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
            assertThat(config.getFailureRateThreshold()).isEqualTo(defaults.getFailureRateThreshold());
            assertThat(config.getSlidingWindowSize()).isEqualTo(defaults.getSlidingWindowSize());
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(defaults.getMinimumNumberOfCalls());
            assertThat(context.getBean(OrchestrationCircuitBreakerInterceptor.class).circuitBreaker())
                    .isSameAs(breaker);
            assertThat(context).doesNotHaveBean(CircuitBreakerMeters.class);
        });
    }

    @Test
    void thresholdsComeFromTheProperties() {
        runner.withPropertyValues("formance.orchestration.circuit-breaker.name=orders",
                "formance.orchestration.circuit-breaker.failure-rate-threshold=25",
                "formance.orchestration.circuit-breaker.minimum-number-of-calls=5",
                "formance.orchestration.circuit-breaker.sliding-window-size=10",
                "formance.orchestration.circuit-breaker.wait-duration-in-open-state=7s").run(context -> {
                    CircuitBreaker breaker = breaker(context);
                    assertThat(breaker.getName()).isEqualTo("orders");
                    CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
                    assertThat(config.getFailureRateThreshold()).isEqualTo(25f);
                    assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
                    assertThat(config.getSlidingWindowSize()).isEqualTo(10);
                    assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(7_000L);
                });
    }

    @Test
    void theBreakerIsCreatedWhenFirstNeededNotWhileTheContextStarts() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanFactory().containsSingleton(BREAKER)).isFalse();
            OrchestrationCircuitBreakerInterceptor interceptor = context
                    .getBean(OrchestrationCircuitBreakerInterceptor.class);
            assertThat(interceptor).hasToString(
                    "OrchestrationCircuitBreakerInterceptor[breaker not looked up yet]");

            interceptor.warmUp();

            assertThat(context.getBeanFactory().containsSingleton(BREAKER)).isTrue();
            assertThat(interceptor.circuitBreaker()).isSameAs(breaker(context));
            assertThat(interceptor).hasToString("OrchestrationCircuitBreakerInterceptor[formance-orchestration]");
        });
    }

    @Test
    void theClientsWarmUpCreatesTheBreakerAndAnEagerClientDoesSoAtStart() {
        ApplicationContextRunner withClient = runner.withConfiguration(
                AutoConfigurations.of(OrchestrationAutoConfiguration.class));
        withClient.withPropertyValues("formance.orchestration.initialization=lazy").run(context -> {
            assertThat(context.getBeanFactory().containsSingleton(BREAKER)).isFalse();
            context.getBean(OrchestrationV1Client.class).warmUp();
            assertThat(context.getBeanFactory().containsSingleton(BREAKER)).isTrue();
        });
        withClient.withPropertyValues("formance.orchestration.initialization=eager")
                .run(context -> assertThat(context.getBeanFactory().containsSingleton(BREAKER)).isTrue());
    }

    @Test
    void anOutOfRangeThresholdFailsTheStartNamingTheProperty() {
        // the properties are checked when bound, by the client's auto-configuration, before any breaker exists
        ApplicationContextRunner runner = this.runner.withConfiguration(
                AutoConfigurations.of(OrchestrationAutoConfiguration.class));
        runner.withPropertyValues("formance.orchestration.circuit-breaker.failure-rate-threshold=150")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidOrchestrationPropertyException.class)
                        .hasMessageContaining("formance.orchestration.circuit-breaker.failure-rate-threshold"));
        runner.withPropertyValues("formance.orchestration.circuit-breaker.sliding-window-size=0")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .hasMessageContaining("formance.orchestration.circuit-breaker.sliding-window-size"));
        runner.withPropertyValues("formance.orchestration.circuit-breaker.name= ")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .hasMessageContaining("formance.orchestration.circuit-breaker.name"));
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withPropertyValues("formance.orchestration.circuit-breaker.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(OrchestrationCircuitBreakerInterceptor.class);
            assertThat(context).doesNotHaveBean(BREAKER);
        });
        runner.withPropertyValues("formance.orchestration.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(OrchestrationCircuitBreakerInterceptor.class);
            assertThat(context).doesNotHaveBean(BREAKER);
        });
    }

    @Test
    void absentWithoutResilience4j() {
        runner.withClassLoader(new FilteredClassLoader(CircuitBreaker.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OrchestrationCallInterceptor.class);
        });
    }

    @Test
    void theApplicationsInterceptorWins() {
        runner.withUserConfiguration(OwnInterceptor.class).run(context -> {
            assertThat(context).hasSingleBean(OrchestrationCircuitBreakerInterceptor.class);
            assertThat(context.getBean(OrchestrationCircuitBreakerInterceptor.class).circuitBreaker().getName())
                    .isEqualTo("mine");
        });
    }

    @Test
    void theApplicationsBreakerBeanOfThatNameWins() {
        runner.withUserConfiguration(OwnBreakerBean.class).run(context -> {
            assertThat(breaker(context).getName()).isEqualTo("own");
            assertThat(context.getBean(OrchestrationCircuitBreakerInterceptor.class).circuitBreaker().getName())
                    .isEqualTo("own");
        });
    }

    @Test
    void theApplicationsOtherBreakerStaysInjectableByType() {
        runner.withUserConfiguration(UnrelatedBreaker.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(UnrelatedBreaker.Consumer.class).breaker().getName()).isEqualTo("payments");
            assertThat(breaker(context).getName()).isEqualTo("formance-orchestration");
            assertThat(context.getBean(QualifiedConsumer.class).breaker()).isSameAs(breaker(context));
        });
    }

    @Test
    void aBreakerTheRegistryAlreadyHoldsIsUsedAsIs() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker existing = registry.circuitBreaker("formance-orchestration",
                CircuitBreakerConfig.custom().failureRateThreshold(10).build());
        runner.withBean(CircuitBreakerRegistry.class, () -> registry)
                .withPropertyValues("formance.orchestration.circuit-breaker.failure-rate-threshold=90")
                .run(context -> {
                    assertThat(breaker(context)).isSameAs(existing);
                    assertThat(breaker(context).getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(10f);
                });
    }

    @Test
    void theRegistrysConfigurationOfTheNameApplies() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(Map.of(
                "formance-orchestration", CircuitBreakerConfig.custom().slidingWindowSize(12).build()));
        runner.withBean(CircuitBreakerRegistry.class, () -> registry).run(context -> {
            CircuitBreaker breaker = breaker(context);
            assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(12);
            assertThat(registry.find("formance-orchestration")).containsSame(breaker);
        });
    }

    @Test
    void withoutAConfigurationOfTheNameThePropertiesApplyOverTheRegistrysDefault() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(33)
                .waitDurationInOpenState(Duration.ofSeconds(3))
                .build());
        runner.withBean(CircuitBreakerRegistry.class, () -> registry)
                .withPropertyValues("formance.orchestration.circuit-breaker.failure-rate-threshold=30")
                .run(context -> {
                    CircuitBreaker breaker = breaker(context);
                    CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
                    assertThat(config.getFailureRateThreshold()).isEqualTo(30f);
                    assertThat(config.getSlidingWindowSize()).isEqualTo(33);
                    assertThat(registry.find("formance-orchestration")).containsSame(breaker);
                });
    }

    @Test
    void theBreakersMetersAreBoundToTheApplicationsRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(CircuitBreakerMeters.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "formance-orchestration")
                    .tag("state", "closed").gauge().value()).isEqualTo(1.0);
            assertThat(meters.find("resilience4j.circuitbreaker.calls").tag("name", "formance-orchestration")
                    .meters()).isNotEmpty();
        });
    }

    @Test
    void theMetersAreBoundWithBootsMetricsAutoConfiguration() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "formance-orchestration")
                            .gauges()).isNotEmpty();
                });
    }

    @Test
    void noMetersWhenMetricsAreOffOrResilience4jMicrometerIsMissing() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("formance.orchestration.metrics.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(CircuitBreakerMeters.class);
                    assertThat(context.getBean(MeterRegistry.class).find("resilience4j.circuitbreaker.state").meters())
                            .isEmpty();
                });
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(TaggedCircuitBreakerMetricsPublisher.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(OrchestrationCircuitBreakerInterceptor.class);
                    assertThat(context).doesNotHaveBean(CircuitBreakerMeters.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInterceptor {

        @Bean
        OrchestrationCircuitBreakerInterceptor myInterceptor() {
            return new OrchestrationCircuitBreakerInterceptor(CircuitBreaker.ofDefaults("mine"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBreakerBean {

        @Bean
        CircuitBreaker orchestrationCircuitBreaker() {
            return CircuitBreaker.ofDefaults("own");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnrelatedBreaker {

        @Bean
        CircuitBreaker paymentsBreaker() {
            return CircuitBreaker.ofDefaults("payments");
        }

        @Bean
        Consumer consumer(CircuitBreaker breaker) {
            return new Consumer(breaker);
        }

        @Bean
        QualifiedConsumer qualifiedConsumer(
                @org.springframework.beans.factory.annotation.Qualifier(BREAKER) CircuitBreaker breaker) {
            return new QualifiedConsumer(breaker);
        }

        record Consumer(CircuitBreaker breaker) {
        }
    }

    record QualifiedConsumer(CircuitBreaker breaker) {
    }
}
