package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.formancecommunity.orchestration.autoconfigure.InvalidOrchestrationPropertyException;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;

class OrchestrationRetryAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationRetryAutoConfiguration.class));

    @Test
    void presentByDefaultWithThreeAttempts() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OrchestrationRetryInterceptor.class);
            OrchestrationRetryInterceptor retry = context.getBean(OrchestrationRetryInterceptor.class);
            assertThat(retry.maxAttempts()).isEqualTo(3);
            assertThat(retry.toString()).contains("[PT0.2S, PT0.4S]");
        });
    }

    @Test
    void settingsComeFromTheProperties() {
        runner.withPropertyValues("formance.orchestration.retry.max-attempts=5",
                "formance.orchestration.retry.initial-backoff=50ms", "formance.orchestration.retry.max-backoff=120ms",
                "formance.orchestration.retry.multiplier=3").run(context -> {
                    OrchestrationRetryInterceptor retry = context.getBean(OrchestrationRetryInterceptor.class);
                    assertThat(retry.maxAttempts()).isEqualTo(5);
                    assertThat(retry.backoffs()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(120),
                            Duration.ofMillis(120), Duration.ofMillis(120));
                });
    }

    /** The property validator, registered by the main auto-configuration, checks the retry settings. */
    @Test
    void settingsOutOfRangeFailTheStartNamingTheProperty() {
        expectFailure("formance.orchestration.retry.max-attempts=0", "formance.orchestration.retry.max-attempts");
        expectFailure("formance.orchestration.retry.initial-backoff=-1s",
                "formance.orchestration.retry.initial-backoff");
        expectFailure("formance.orchestration.retry.max-backoff=100ms", "formance.orchestration.retry.max-backoff");
        expectFailure("formance.orchestration.retry.multiplier=0.5", "formance.orchestration.retry.multiplier");
    }

    private void expectFailure(String property, String name) {
        runner.withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class))
                .withPropertyValues(property).run(context -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(InvalidOrchestrationPropertyException.class)
                .hasMessageContaining(name));
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withPropertyValues("formance.orchestration.retry.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationRetryInterceptor.class));
        runner.withPropertyValues("formance.orchestration.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrchestrationRetryInterceptor.class));
    }

    @Test
    void theApplicationsInterceptorWins() {
        runner.withUserConfiguration(OwnRetry.class).run(context -> {
            assertThat(context).hasSingleBean(OrchestrationRetryInterceptor.class);
            assertThat(context.getBean(OrchestrationRetryInterceptor.class).maxAttempts()).isEqualTo(7);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRetry {

        @Bean
        OrchestrationRetryInterceptor myRetry() {
            return new OrchestrationRetryInterceptor(7, Duration.ZERO, Duration.ZERO, 1.0);
        }
    }
}
