package io.github.formancecommunity.orchestration.test.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The extension's plain client meets an injected fault; a client built from the injected builder retries it. */
@EmbeddedOrchestration
class DecoratedClientParameterTest {

    @Test
    void thePlainClientReportsAnInjectedFault(EmbeddedOrchestrationServer server, OrchestrationV1 orchestration) {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503);

        assertThatThrownBy(orchestration::listWorkflows).isInstanceOf(OrchestrationApiException.class)
                .hasMessageContaining("HTTP 503");
    }

    // tag::decorated-client[]
    @Test
    void aClientBuiltFromTheInjectedBuilderRetriesIt(EmbeddedOrchestrationServer server,
            OrchestrationClientBuilder builder) throws Exception {
        server.failNext(OrchestrationOperation.LIST_WORKFLOWS, 503, 2);

        try (OrchestrationV1Client client = builder.retry(3, Duration.ZERO, Duration.ZERO, 1.0).build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }
        assertThat(server.exchanges(OrchestrationOperation.LIST_WORKFLOWS)).hasSize(3);
    }
    // end::decorated-client[]
}
