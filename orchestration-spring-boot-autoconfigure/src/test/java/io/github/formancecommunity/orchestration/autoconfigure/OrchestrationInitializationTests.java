package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.formancecommunity.orchestration.client.OrchestrationFeignBuilderCustomizer;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * {@code formance.orchestration.initialization}: when the client builds its mapper, pool and Feign target.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrchestrationInitializationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class));

    @Test
    void byDefaultTheContextStartsWithoutBuildingTheClientAndRegistersTheWarmUp() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OrchestrationClientWarmUp.class);
            assertThat(context.getBean(OrchestrationV1Client.class).isWarm()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "background", "BACKGROUND", "Background" })
    void backgroundMayBeWrittenInAnyCase(String value) {
        runner.withPropertyValues("formance.orchestration.initialization=" + value).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OrchestrationClientWarmUp.class);
            assertThat(context.getBean(OrchestrationV1Client.class).isWarm()).isFalse();
        });
    }

    @Test
    void eagerBuildsTheClientWhileTheContextStarts() {
        runner.withPropertyValues("formance.orchestration.initialization=eager").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OrchestrationClientWarmUp.class);
            assertThat(context.getBean(OrchestrationV1Client.class).isWarm()).isTrue();
        });
    }

    @Test
    void lazyLeavesItToTheFirstCall() {
        runner.withPropertyValues("formance.orchestration.initialization=lazy").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OrchestrationClientWarmUp.class);
            OrchestrationV1Client client = context.getBean(OrchestrationV1Client.class);
            assertThat(client.isWarm()).isFalse();

            client.warmUp();

            assertThat(client.isWarm()).isTrue();
        });
    }

    @Test
    void anUnknownModeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("formance.orchestration.initialization=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("formance.orchestration.initialization");
        });
    }

    @Test
    void backgroundBuildsTheClientOnItsOwnThreadOnceTheApplicationIsReady() {
        try (ConfigurableApplicationContext context = application().run()) {
            OrchestrationV1Client client = context.getBean(OrchestrationV1Client.class);

            await().atMost(Duration.ofSeconds(30)).until(client::isWarm);
            await().atMost(Duration.ofSeconds(30)).until(() -> !warmUpThreadAlive());
        }
    }

    @Test
    void aFailedWarmUpIsLoggedAndTheFirstCallGetsTheFailure(CapturedOutput output) {
        try (ConfigurableApplicationContext context = application().sources(BrokenCustomizer.class).run()) {
            OrchestrationV1Client client = context.getBean(OrchestrationV1Client.class);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> output.getOut().contains("Could not prepare OrchestrationV1Client[url="));
            assertThat(output.getOut()).contains("the first call will try again: java.lang.IllegalStateException: "
                    + "customizer broken");
            assertThat(client.isWarm()).isFalse();
            assertThatThrownBy(client::listWorkflows).isInstanceOf(IllegalStateException.class)
                    .hasMessage("customizer broken");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "lazy", "eager" })
    void otherModesStartNoThread(String mode) {
        try (ConfigurableApplicationContext context = application()
                .properties("formance.orchestration.initialization=" + mode).run()) {
            OrchestrationV1Client client = context.getBean(OrchestrationV1Client.class);

            assertThat(client.isWarm()).isEqualTo(mode.equals("eager"));
            assertThat(warmUpThreadAlive()).isFalse();
        }
    }

    @Test
    void closingTheContextRightAfterTheStartLeavesNothingBuiltOpen() {
        OrchestrationV1Client client;
        try (ConfigurableApplicationContext context = application().run()) {
            client = context.getBean(OrchestrationV1Client.class);
        }

        // whether the warm-up ran before or after the close, the client is closed and holds no pool
        await().atMost(Duration.ofSeconds(30)).until(() -> !warmUpThreadAlive());
        assertThat(client.isWarm()).isFalse();
    }

    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("formance.orchestration.base-url=http://127.0.0.1:9",
                        "formance.orchestration.circuit-breaker.enabled=false");
    }

    private static boolean warmUpThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(OrchestrationClientWarmUp.THREAD_NAME) && thread.isAlive());
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class BrokenCustomizer {

        @Bean
        OrchestrationFeignBuilderCustomizer brokenCustomizer() {
            return feign -> {
                throw new IllegalStateException("customizer broken");
            };
        }
    }

    @Test
    void closingTheContextDoesNotWaitForARunningWarmUp() {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.withBean(OrchestrationFeignBuilderCustomizer.class, () -> feign -> {
            building.countDown();
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }).run(context -> {
            OrchestrationV1Client client = context.getBean(OrchestrationV1Client.class);
            Thread warmUp = new Thread(client::warmUp, "test-warm-up");
            warmUp.start();
            assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();

            assertTimeoutPreemptively(Duration.ofMinutes(1), context::close);

            assertThat(context.isActive()).isFalse();
            assertThat(warmUp.isAlive()).as("the warm-up is still blocked after the context closed").isTrue();
            release.countDown();
            warmUp.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(warmUp.isAlive()).isFalse();
            assertThat(client.isWarm()).as("what the warm-up built is released").isFalse();
        });
    }
}
