package io.github.formancecommunity.orchestration.cloud.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The example application resolves the client through discovery and reaches both instances. */
@ExtendWith(OutputCaptureExtension.class)
class SpringCloudExampleApplicationTests {

    @Test
    void theExampleSpreadsItsCallsOverBothInstances(CapturedOutput output) {
        try (EmbeddedOrchestrationServer east = EmbeddedOrchestrationServer.builder().start();
                EmbeddedOrchestrationServer west = EmbeddedOrchestrationServer.builder().start();
                ConfigurableApplicationContext context = SpringCloudExampleApplication.run(east, west)) {
            int onEast = east.exchanges(OrchestrationOperation.LIST_WORKFLOWS).size();
            int onWest = west.exchanges(OrchestrationOperation.LIST_WORKFLOWS).size();
            assertThat(onEast + onWest).isEqualTo(SpringCloudExampleApplication.CALLS);
            assertThat(onEast).isPositive();
            assertThat(onWest).isPositive();
            assertThat(east.exchanges(OrchestrationOperation.LIST_WORKFLOWS).get(0).requestHeader("X-Example"))
                    .contains("spring-cloud");
            assertThat(output).contains("lb://orchestration", "east (" + east.baseUrl() + ")");
        }
    }
}
