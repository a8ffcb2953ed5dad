package io.github.formancecommunity.orchestration.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.github.formancecommunity.orchestration.client.ClientPools;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/** What every hostile answer must leave behind: no leased connection and a client whose next call succeeds. */
final class Recovery {

    /** How long a call against a hostile server may take at most; far above every limit the suites configure. */
    static final Duration GENEROUS = Duration.ofSeconds(60);

    private Recovery() {
    }

    /**
     * Asserts that the pool has no connection leased (an aborted connection may be handed back by the deadline's
     * timer a moment after the call ended), then that a normal call on the same client succeeds.
     */
    static void assertRecovered(OrchestrationV1Client client, HostileServer server) {
        await("no leased connection").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ClientPools.leased(client)).isZero());
        server.healthy();
        assertThat(client.getServerInfo().version()).isEqualTo("v");
        assertThat(ClientPools.leased(client)).isZero();
    }
}
