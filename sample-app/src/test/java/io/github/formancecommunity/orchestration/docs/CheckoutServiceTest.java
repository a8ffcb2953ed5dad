package io.github.formancecommunity.orchestration.docs;

// tag::spring-boot-test[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.spring.AutoConfigureEmbeddedOrchestration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureEmbeddedOrchestration(auth = true)
class CheckoutServiceTest {

    @Autowired CheckoutService checkout;          // your code, which uses OrchestrationV1
    @Autowired EmbeddedOrchestrationServer server;

    @BeforeEach
    void clean() {
        server.reset();                           // cached contexts share their server
    }

    @Test
    void startsTheCheckoutWorkflow() {
        Workflow workflow = server.seedWorkflow(WorkflowConfig.of("checkout", WorkflowStage.waitEvent("paid")));

        checkout.start(workflow.id());

        assertThat(server.instances()).singleElement()
                .satisfies(instance -> assertThat(instance.workflowID()).isEqualTo(workflow.id()));
    }
}
// end::spring-boot-test[]
