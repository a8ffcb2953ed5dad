package io.github.formancecommunity.orchestration.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// tag::faults-imports[]
import java.time.Duration;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;
import io.github.formancecommunity.orchestration.test.Fault;
// end::faults-imports[]
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestration;
import org.junit.jupiter.api.Test;

/** The testing page's fault examples: each fault does what the page says, once by default. */
@EmbeddedOrchestration
class FaultExamplesTest {

    @Test
    void theFaultsOfTheTestingPageApplyOnceEachInOrder(OrchestrationV1 orchestration,
            EmbeddedOrchestrationServer server) {
        // tag::faults[]
        server.inject(Fault.on(OrchestrationOperation.GET_INSTANCE).respond(503).withHeader("Retry-After", "1").times(2));
        server.inject(Fault.on(OrchestrationOperation.RUN_WORKFLOW).respond(502, "<html>Bad Gateway</html>", "text/html"));
        server.inject(Fault.on(OrchestrationOperation.LIST_WORKFLOWS).delay(Duration.ofSeconds(2)));  // then handled normally
        server.inject(Fault.onPath("POST", "/api/auth/oauth/token").respond(500));
        server.inject(Fault.onAnyRequest().disconnect());                                             // no response at all
        // end::faults[]

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> orchestration.getInstance("some-instance"))
                    .isInstanceOfSatisfying(OrchestrationApiException.class, failure -> {
                        assertThat(failure.status()).isEqualTo(503);
                        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
                    });
        }
        assertThatThrownBy(() -> orchestration.runWorkflow("some-workflow"))
                .isInstanceOfSatisfying(OrchestrationApiException.class,
                        failure -> assertThat(failure.status()).isEqualTo(502));
        // the first request no earlier fault matches meets the disconnect, once
        assertThatThrownBy(orchestration::getServerInfo).isInstanceOf(OrchestrationTransportException.class);
        assertThat(orchestration.getServerInfo()).isNotNull();
    }
}
