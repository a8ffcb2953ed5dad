package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.LogLevel;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignBuilderCustomizer;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

@ExtendWith(OutputCaptureExtension.class)
class OrchestrationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("formance.orchestration.base-url=http://localhost")
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class));

    private static ApplicationContextRunner runnerWithoutBaseUrl() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                OrchestrationAutoConfiguration.class, OrchestrationAuthAutoConfiguration.class));
    }

    @Test
    void failsTheStartWithoutABaseUrlNamingThePropertyAndHowToTurnTheStarterOff() {
        runnerWithoutBaseUrl().run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause()
                .isInstanceOf(InvalidOrchestrationPropertyException.class)
                .hasMessageContaining("'formance.orchestration.base-url': must be set")
                .hasMessageContaining("it has no default")
                .hasMessageContaining("set formance.orchestration.enabled=false"));
    }

    @Test
    void aMisspeltBaseUrlKeyIsNamedWhenTheBaseUrlIsMissing() {
        runnerWithoutBaseUrl().withPropertyValues("formance.orchestraton.base-url=https://stack.example.com",
                "formance.orchestration.base-ulr=https://stack.example.com").run(context -> assertThat(context)
                        .hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Found formance.orchestration.base-ulr, formance.orchestraton.base-url: "
                                + "is it misspelt?")
                        .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("stack.example.com")));
    }

    @Test
    void connectionDetailsMakeTheBaseUrlPropertyUnnecessary() {
        runnerWithoutBaseUrl().withBean(OrchestrationConnectionDetails.class, () -> () -> "http://stack.test:8080")
                .run(context -> assertThat(context.getBean(OrchestrationV1.class))
                        .hasToString("OrchestrationV1Client[url=http://stack.test:8080/api/orchestration, auth=none]"));
    }

    @Test
    void registersTheClientWithTheDocumentedDefaults() {
        runner.withPropertyValues("formance.orchestration.base-url=http://localhost").run(context -> {
            assertThat(context).hasSingleBean(OrchestrationV1.class).hasSingleBean(OrchestrationProperties.class)
                    .doesNotHaveBean(BearerTokenSource.class);
            assertThat(context.getBean(OrchestrationV1.class)).isInstanceOf(OrchestrationV1Client.class)
                    .hasToString("OrchestrationV1Client[url=http://localhost/api/orchestration, auth=none]");
            OrchestrationProperties properties = context.getBean(OrchestrationProperties.class);
            assertThat(properties.isEnabled()).isTrue();
            assertThat(properties.getPathPrefix()).isEqualTo("/api/orchestration");
            assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getRunWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.getMaxConnections()).isEqualTo(50);
            assertThat(properties.getInitialization()).isEqualTo(OrchestrationProperties.Initialization.BACKGROUND);
            assertThat(properties.getLogging().getLevel()).isEqualTo(LogLevel.NONE);
            assertThat(properties.getAuth().getToken()).isNull();
            assertThat(properties.getAuth().getClientId()).isNull();
            assertThat(properties.getAuth().getClientSecret()).isNull();
            assertThat(properties.getAuth().getTokenUrl()).isEqualTo("/api/auth/oauth/token");
            assertThat(properties.getAuth().getRefreshBeforeExpiry()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getCircuitBreaker().isEnabled()).isTrue();
            assertThat(properties.getCircuitBreaker().getName()).isEqualTo("formance-orchestration");
            assertThat(properties.getCircuitBreaker().getFailureRateThreshold()).isNull();
            assertThat(properties.getCircuitBreaker().getMinimumNumberOfCalls()).isNull();
            assertThat(properties.getCircuitBreaker().getSlidingWindowSize()).isNull();
            assertThat(properties.getCircuitBreaker().getWaitDurationInOpenState()).isNull();
            assertThat(properties.getRetry().isEnabled()).isTrue();
            assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
            assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(200));
            assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getRetry().getMultiplier()).isEqualTo(2.0);
            assertThat(properties.getMetrics().isEnabled()).isTrue();
            assertThat(properties.getHealth().isEnabled()).isTrue();
            assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void defaultsReachTheWire() {
        runner.withUserConfiguration(RecordingClientConfig.class).run(context -> {
            RecordingFeignClient wire = context.getBean(RecordingFeignClient.class);
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);

            client.listWorkflows();
            assertThat(wire.last().request().url()).isEqualTo("http://localhost/api/orchestration/workflows");
            assertThat(wire.last().authorization()).isNull();
            assertThat(wire.last().options().connectTimeoutMillis()).isEqualTo(5_000);
            assertThat(wire.last().options().readTimeoutMillis()).isEqualTo(30_000);

            client.runWorkflow("wf1", Map.of(), true);
            assertThat(wire.last().request().url())
                    .isEqualTo("http://localhost/api/orchestration/workflows/wf1/instances?wait=true");
            assertThat(wire.last().options().readTimeoutMillis()).isEqualTo(300_000);
        });
    }

    @Test
    void propertiesReachTheWire() {
        runner.withUserConfiguration(RecordingClientConfig.class)
                .withPropertyValues("formance.orchestration.base-url=https://org-stack.eu.sandbox.formance.cloud/",
                        "formance.orchestration.path-prefix=custom/prefix/",
                        "formance.orchestration.connect-timeout=750ms",
                        "formance.orchestration.read-timeout=3s",
                        "formance.orchestration.run-wait-timeout=90s")
                .run(context -> {
                    RecordingFeignClient wire = context.getBean(RecordingFeignClient.class);
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);

                    client.getServerInfo();
                    assertThat(wire.last().request().url())
                            .isEqualTo("https://org-stack.eu.sandbox.formance.cloud/custom/prefix/_info");
                    assertThat(wire.last().options().connectTimeoutMillis()).isEqualTo(750);
                    assertThat(wire.last().options().readTimeoutMillis()).isEqualTo(3_000);

                    client.runWorkflow("wf1", Map.of(), true);
                    assertThat(wire.last().options().readTimeoutMillis()).isEqualTo(90_000);
                    client.runWorkflow("wf1", Map.of(), false);
                    assertThat(wire.last().options().readTimeoutMillis()).isEqualTo(3_000);
                });
    }

    @Test
    void emptyPathPrefixCallsTheServiceDirectly() {
        runner.withUserConfiguration(RecordingClientConfig.class)
                .withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:8080",
                        "formance.orchestration.path-prefix=")
                .run(context -> {
                    context.getBean(OrchestrationV1.class).listTriggers();
                    assertThat(context.getBean(RecordingFeignClient.class).last().request().url())
                            .isEqualTo("http://127.0.0.1:8080/triggers");
                });
    }

    @Test
    void maxConnectionsIsBound() {
        runner.withPropertyValues("formance.orchestration.max-connections=7")
                .run(context -> assertThat(context.getBean(OrchestrationProperties.class).getMaxConnections())
                        .isEqualTo(7));
    }

    @Test
    void loggingLevelFullLogsTheExchangeButNeverTheToken(CapturedOutput output) {
        runner.withUserConfiguration(RecordingClientConfig.class)
                .withPropertyValues("formance.orchestration.logging.level=full",
                        "formance.orchestration.auth.token=tok-logged-never")
                .run(context -> {
                    context.getBean(OrchestrationV1.class).listWorkflows();
                    assertThat(context.getBean(RecordingFeignClient.class).last().authorization())
                            .isEqualTo("Bearer tok-logged-never");
                });
        assertThat(output).contains("---> GET http://localhost/api/orchestration/workflows")
                .doesNotContain("tok-logged-never");
    }

    @Test
    void loggingLevelNoneLogsNothing(CapturedOutput output) {
        runner.withUserConfiguration(RecordingClientConfig.class)
                .run(context -> context.getBean(OrchestrationV1.class).listWorkflows());
        assertThat(output).doesNotContain("---> GET");
    }

    @Test
    void disabledRegistersNothingEvenWithInvalidProperties() {
        runner.withPropertyValues("formance.orchestration.enabled=false",
                "formance.orchestration.base-url=not a url",
                "formance.orchestration.auth.token=tok",
                "formance.orchestration.auth.client-id=id")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(OrchestrationV1.class)
                        .doesNotHaveBean(OrchestrationProperties.class)
                        .doesNotHaveBean(BearerTokenSource.class)
                        .doesNotHaveBean(OrchestrationPropertiesValidation.class));
    }

    @Test
    void explicitlyEnabledRegistersTheClient() {
        runner.withPropertyValues("formance.orchestration.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(OrchestrationV1.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesAnOrchestrationV1() {
        OrchestrationV1 own = mock(OrchestrationV1.class);
        runner.withBean("ownClient", OrchestrationV1.class, () -> own)
                .run(context -> assertThat(context).hasSingleBean(OrchestrationV1.class)
                        .doesNotHaveBean(OrchestrationV1Client.class)
                        .getBean(OrchestrationV1.class).isSameAs(own));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnValidation() {
        runner.withBean("ownValidation", OrchestrationPropertiesValidation.class, OrchestrationPropertiesValidation::new)
                .run(context -> assertThat(context).getBeans(OrchestrationPropertiesValidation.class)
                        .containsOnlyKeys("ownValidation"));
    }

    @Test
    void interceptorsRunInOrderOutermostFirst() {
        runner.withUserConfiguration(RecordingClientConfig.class, InterceptorConfig.class).run(context -> {
            context.getBean(OrchestrationV1.class).listWorkflows();
            assertThat(context.getBean(InterceptorConfig.class).trace)
                    .containsExactly("first:listWorkflows", "second:listWorkflows", "third:listWorkflows");
            assertThat(context.getBean(RecordingFeignClient.class).exchanges()).hasSize(1);
        });
    }

    @Test
    void feignCustomizersAreAppliedInOrder() {
        runner.withUserConfiguration(RecordingClientConfig.class, CustomizerConfig.class).run(context -> {
            context.getBean(OrchestrationV1.class).listWorkflows();
            assertThat(context.getBean(RecordingFeignClient.class).last().request().headers().get("X-Order"))
                    .containsExactly("first", "second");
        });
    }

    @Test
    void usesTheApplicationsTokenSource() {
        runner.withUserConfiguration(RecordingClientConfig.class)
                .withBean(BearerTokenSource.class, () -> scope -> "user-" + scope)
                .run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    client.listWorkflows();
                    RecordingFeignClient wire = context.getBean(RecordingFeignClient.class);
                    assertThat(wire.last().authorization()).isEqualTo("Bearer user-orchestration:read");
                    client.deleteWorkflow("wf1");
                    assertThat(wire.last().authorization()).isEqualTo("Bearer user-orchestration:write");
                });
    }

    @Test
    void startsWithoutNetworkEvenWhenTheServerIsUnreachable() throws IOException {
        int closedPort = closedPort();
        runner.withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:" + closedPort,
                "formance.orchestration.auth.client-id=app", "formance.orchestration.auth.client-secret=pw")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OrchestrationV1.class)
                            .hasSingleBean(BearerTokenSource.class);
                    // The first call is where the network is touched, and it fails there.
                    assertThatThrownBy(() -> context.getBean(OrchestrationV1.class).listWorkflows())
                            .hasMessageContaining("127.0.0.1:" + closedPort);
                });
    }

    @Test
    void closingTheContextClosesTheClient() throws IOException {
        int closedPort = closedPort();
        runner.withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:" + closedPort).run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            assertThatThrownBy(client::getServerInfo).isInstanceOf(OrchestrationTransportException.class)
                    .satisfies(ex -> assertThat(Failures.stackTrace(ex)).doesNotContain("shut down"));
            context.close();
            assertThatThrownBy(client::getServerInfo).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("is closed");
        });
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingClientConfig {

        @Bean
        RecordingFeignClient recordingFeignClient() {
            return new RecordingFeignClient();
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        OrchestrationFeignBuilderCustomizer recordingClientCustomizer(RecordingFeignClient client) {
            return builder -> builder.client(client);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InterceptorConfig {

        final List<String> trace = new CopyOnWriteArrayList<>();

        @Bean
        @Order(300)
        OrchestrationCallInterceptor third() {
            return new Tracing("third", trace);
        }

        @Bean
        @Order(100)
        OrchestrationCallInterceptor first() {
            return new Tracing("first", trace);
        }

        @Bean
        OrchestrationCallInterceptor second() {
            return new OrderedTracing("second", trace, 200);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfig {

        @Bean
        @Order(2)
        OrchestrationFeignBuilderCustomizer secondCustomizer() {
            return builder -> builder.requestInterceptor(template -> template.header("X-Order", "second"));
        }

        @Bean
        @Order(1)
        OrchestrationFeignBuilderCustomizer firstCustomizer() {
            return builder -> builder.requestInterceptor(template -> template.header("X-Order", "first"));
        }
    }

    static class Tracing implements OrchestrationCallInterceptor {

        private final String name;
        private final List<String> trace;

        Tracing(String name, List<String> trace) {
            this.name = name;
            this.trace = trace;
        }

        @Override
        public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
            trace.add(name + ":" + operation.operationId());
            return call.execute();
        }
    }

    static class OrderedTracing extends Tracing implements Ordered {

        private final int order;

        OrderedTracing(String name, List<String> trace, int order) {
            super(name, trace);
            this.order = order;
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
