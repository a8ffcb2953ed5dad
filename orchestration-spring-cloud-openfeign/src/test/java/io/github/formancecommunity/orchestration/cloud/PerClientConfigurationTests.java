package io.github.formancecommunity.orchestration.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import feign.Capability;
import feign.Client;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/**
 * Each row of the precedence table in {@code docs/spring-cloud.md}: what
 * {@code spring.cloud.openfeign.client.config.formance-orchestration.*}, {@code config.default.*} and
 * {@code formance.orchestration.*} give the client, read from the requests a recording transport receives.
 */
@ExtendWith(OutputCaptureExtension.class)
class PerClientConfigurationTests {

    private static final String NAMED = "spring.cloud.openfeign.client.config.formance-orchestration.";
    private static final String DEFAULT = "spring.cloud.openfeign.client.config.default.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FeignAutoConfiguration.class,
                    OrchestrationSpringCloudAutoConfiguration.class, OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class))
            .withUserConfiguration(Transport.class)
            .withPropertyValues("formance.orchestration.base-url=http://stack.test",
                    "formance.orchestration.initialization=eager",
                    "formance.orchestration.auth.token=sekret-token",
                    "formance.orchestration.connect-timeout=3s",
                    "formance.orchestration.read-timeout=7s",
                    "formance.orchestration.run-wait-timeout=9m");

    @Test
    void withoutPerClientConfigurationTheClientsOwnTimeOutsApplyAndRedirectsAreNotFollowed() {
        runner.run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.options().connectTimeoutMillis()).isEqualTo(3_000);
            assertThat(exchange.options().readTimeoutMillis()).isEqualTo(7_000);
            assertThat(exchange.options().isFollowRedirects()).isFalse();
            assertThat(exchange.request().url()).isEqualTo("http://stack.test/api/orchestration/workflows");
        });
    }

    @Test
    void defaultConfigurationOverridesTheClientsTimeOuts() {
        runner.withPropertyValues(DEFAULT + "read-timeout=4000").run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.options().readTimeoutMillis()).isEqualTo(4_000);
            assertThat(exchange.options().connectTimeoutMillis()).isEqualTo(3_000);
        });
    }

    @Test
    void namedConfigurationOverridesTheDefaultConfiguration() {
        runner.withPropertyValues(DEFAULT + "read-timeout=4000", NAMED + "read-timeout=2000",
                NAMED + "connect-timeout=1000").run(context -> {
                    RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                            context.getBean(RecordingTransport.class));
                    assertThat(exchange.options().readTimeoutMillis()).isEqualTo(2_000);
                    assertThat(exchange.options().connectTimeoutMillis()).isEqualTo(1_000);
                });
    }

    @Test
    void withDefaultToPropertiesFalseTheClientsTimeOutsWin() {
        runner.withPropertyValues("spring.cloud.openfeign.client.default-to-properties=false",
                NAMED + "read-timeout=2000").run(context -> {
                    RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                            context.getBean(RecordingTransport.class));
                    assertThat(exchange.options().readTimeoutMillis()).isEqualTo(7_000);
                });
    }

    @Test
    void runWorkflowWithWaitKeepsTheRunWaitTimeOut() {
        runner.withPropertyValues(NAMED + "read-timeout=2000").run(context -> {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            RecordingTransport transport = context.getBean(RecordingTransport.class);
            client.runWorkflow("wf-1", Map.of(), true);
            assertThat(transport.last().options().readTimeoutMillis())
                    .isEqualTo(Duration.ofMinutes(9).toMillis());
            client.runWorkflow("wf-1", Map.of(), false);
            assertThat(transport.last().options().readTimeoutMillis()).isEqualTo(2_000);
        });
    }

    @Test
    void followRedirectsComesFromTheConfiguration() {
        runner.withPropertyValues(NAMED + "follow-redirects=true").run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.options().isFollowRedirects()).isTrue();
        });
    }

    @Test
    void defaultHeadersAndQueryParametersOfBothLevelsAreSentBesideTheClientsToken() {
        runner.withPropertyValues(DEFAULT + "default-request-headers.X-Team=payments",
                NAMED + "default-request-headers.X-Tenant=acme",
                NAMED + "default-query-parameters.source=cloud").run(context -> {
                    RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                            context.getBean(RecordingTransport.class));
                    assertThat(exchange.header("X-Team")).isEqualTo("payments");
                    assertThat(exchange.header("X-Tenant")).isEqualTo("acme");
                    assertThat(exchange.header("Authorization")).isEqualTo("Bearer sekret-token");
                    assertThat(exchange.request().url()).endsWith("/workflows?source=cloud");
                });
    }

    @Test
    void configuredRequestInterceptorsRunAndTheClientsTokenStays() {
        runner.withPropertyValues(NAMED + "request-interceptors[0]=" + TraceHeader.class.getName()).run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.header("X-Trace")).isEqualTo("traced");
            assertThat(exchange.header("Authorization")).isEqualTo("Bearer sekret-token");
        });
    }

    @Test
    void configuredCapabilitiesApply() {
        CountingCapability.ENRICHED.set(0);
        runner.withPropertyValues(NAMED + "capabilities[0]=" + CountingCapability.class.getName()).run(context -> {
            listWorkflows(context.getBean(OrchestrationV1.class), context.getBean(RecordingTransport.class));
            assertThat(CountingCapability.ENRICHED).hasPositiveValue();
        });
    }

    @Test
    void theNamedUrlWinsOverTheBaseUrlAndTheDefaultUrlIsNotUsed() {
        runner.withPropertyValues(NAMED + "url=http://named.test").run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.request().url()).isEqualTo("http://named.test/api/orchestration/workflows");
        });
        runner.withPropertyValues(DEFAULT + "url=http://default.test").run(context -> {
            RecordingTransport.Exchange exchange = listWorkflows(context.getBean(OrchestrationV1.class),
                    context.getBean(RecordingTransport.class));
            assertThat(exchange.request().url()).isEqualTo("http://stack.test/api/orchestration/workflows");
        });
    }

    @Test
    void loggerLevelFromTheConfigurationLogsThroughTheRedactingLogger(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.logging.level=NONE", NAMED + "logger-level=FULL")
                .run(context -> {
                    listWorkflows(context.getBean(OrchestrationV1.class), context.getBean(RecordingTransport.class));
                    assertThat(output).contains("---> GET http://stack.test/api/orchestration/workflows");
                    assertThat(output).doesNotContain("sekret-token");
                });
    }

    @Test
    void theClientsLogLevelAppliesWithoutConfiguration(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.logging.level=BASIC").run(context -> {
            listWorkflows(context.getBean(OrchestrationV1.class), context.getBean(RecordingTransport.class));
            assertThat(output).contains("---> GET http://stack.test/api/orchestration/workflows");
        });
    }

    @Test
    void aDefaultContractCodecsAndErrorHandlingDoNotReplaceTheClientsOwn() {
        runner.withPropertyValues(DEFAULT + "contract=org.springframework.cloud.openfeign.support.SpringMvcContract",
                DEFAULT + "decoder=feign.codec.StringDecoder", DEFAULT + "encoder=feign.codec.Encoder$Default",
                DEFAULT + "error-decoder=feign.codec.ErrorDecoder$Default", DEFAULT + "dismiss404=true",
                DEFAULT + "exception-propagation-policy=UNWRAP").run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    assertThat(client.listWorkflows()).isEmpty();
                    assertThatThrownBy(() -> client.getWorkflow("missing"))
                            .isInstanceOfSatisfying(OrchestrationApiException.class, ex -> {
                                assertThat(ex.status()).isEqualTo(404);
                                assertThat(ex.getMessage()).contains("no such workflow");
                            });
                });
    }

    private static RecordingTransport.Exchange listWorkflows(OrchestrationV1 client, RecordingTransport transport) {
        assertThat(client.listWorkflows()).isEmpty();
        return transport.last();
    }

    @Configuration(proxyBeanMethods = false)
    static class Transport {

        @Bean
        RecordingTransport feignClient() {
            return new RecordingTransport();
        }
    }

    /** A request interceptor named in the configuration. */
    public static class TraceHeader implements RequestInterceptor {

        @Override
        public void apply(RequestTemplate template) {
            template.header("X-Trace", "traced");
        }
    }

    /** A capability named in the configuration; counts the clients it enriches. */
    public static class CountingCapability implements Capability {

        static final AtomicInteger ENRICHED = new AtomicInteger();

        @Override
        public Client enrich(Client client) {
            ENRICHED.incrementAndGet();
            return client;
        }
    }
}
