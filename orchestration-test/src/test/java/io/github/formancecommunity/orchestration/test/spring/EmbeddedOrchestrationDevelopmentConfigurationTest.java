package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The development-time main: an application started with the configuration runs against the embedded server. */
class EmbeddedOrchestrationDevelopmentConfigurationTest {

    @Test
    void theApplicationsClientTalksToTheEmbeddedServerWhateverItsOwnBaseUrl() {
        EmbeddedOrchestrationServer server;
        try (ConfigurableApplicationContext context = SpringApplication.from(DevApp::main)
                .with(EmbeddedOrchestrationDevelopmentConfiguration.class)
                .run("--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                        "--formance.orchestration.base-url=https://production-stack.invalid")
                .getApplicationContext()) {
            server = context.getBean(EmbeddedOrchestrationServer.class);
            OrchestrationV1 orchestration = context.getBean(OrchestrationV1.class);

            orchestration.createWorkflow(WorkflowConfig.of("dev", WorkflowStage.waitEvent("go")));

            assertThat(server.workflows()).extracting(workflow -> workflow.config().name()).containsExactly("dev");
            assertThat(orchestration.toString()).contains(server.baseUrl());
            assertThat(server.isRunning()).isTrue();
        }
        assertThat(server.isRunning()).isFalse();
    }

    // tag::development-main[]
    /** The test-side main: the application's own main, plus the embedded server. */
    static final class TestDevApp {

        public static void main(String[] args) {
            SpringApplication.from(DevApp::main)
                    .with(EmbeddedOrchestrationDevelopmentConfiguration.class)
                    .run(args);
        }
    }
    // end::development-main[]

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class DevApp {

        public static void main(String[] args) {
            SpringApplication.run(DevApp.class, args);
        }
    }
}
