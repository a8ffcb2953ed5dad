package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Client (d) really goes through Spring Cloud OpenFeign, (a) does not even with Spring Cloud OpenFeign on the
 * class path (this test's), and both give the plain client's answers.
 */
class SpringCloudTargetTest {

    private static final CannedPayloads PAYLOADS = CannedPayloads.create();
    private static CannedOrchestrationServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CannedOrchestrationServer.start(PAYLOADS, ClientState.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theCloudClientIsTheSpringCloudOpenFeignClientFormanceOrchestration() throws Exception {
        try (BenchmarkTarget target = ClientKind.CLOUD.open(server.baseUrl(), ClientState.TOKEN)) {
            FeignClientFactory feignClients = context(target).getBean(FeignClientFactory.class);

            assertThat(feignClients.getContextNames()).containsExactly(SpringCloudContext.CLIENT_NAME);
            assertThat(feignClients.getInstance(SpringCloudContext.CLIENT_NAME, feign.Feign.Builder.class))
                    .as("the child context's Feign builder is the integration's")
                    .isNotNull();
            assertThat(target.toString())
                    .contains("through Spring Cloud OpenFeign client " + SpringCloudContext.CLIENT_NAME);
        }
    }

    @Test
    void theStarterClientBuildsItsOwnTargetBesideSpringCloudOpenFeign() throws Exception {
        try (BenchmarkTarget target = ClientKind.STARTER.open(server.baseUrl(), ClientState.TOKEN)) {
            ResultCheck.verify(target, PAYLOADS);

            assertThat(context(target).getBean(FeignClientFactory.class).getContextNames())
                    .as("no Spring Cloud OpenFeign child context: (a) stays the plain starter client").isEmpty();
        }
    }

    @Test
    void theCloudClientAnswersAsThePlainClient() throws Exception {
        try (BenchmarkTarget cloud = ClientKind.CLOUD.open(server.baseUrl(), ClientState.TOKEN);
                BenchmarkTarget plain = ClientKind.PLAIN.open(server.baseUrl(), ClientState.TOKEN)) {
            assertThat(cloud.getWorkflow(CannedPayloads.WORKFLOW_ID))
                    .isEqualTo(plain.getWorkflow(CannedPayloads.WORKFLOW_ID))
                    .isEqualTo(PAYLOADS.workflow());
            assertThat(cloud.runWorkflow(CannedPayloads.WORKFLOW_ID, CannedPayloads.RUN_VARIABLES))
                    .isEqualTo(plain.runWorkflow(CannedPayloads.WORKFLOW_ID, CannedPayloads.RUN_VARIABLES))
                    .isEqualTo(PAYLOADS.started());
        }
    }

    private static ConfigurableApplicationContext context(BenchmarkTarget target) {
        return (ConfigurableApplicationContext) ((OrchestrationV1Target) target).owner();
    }
}
