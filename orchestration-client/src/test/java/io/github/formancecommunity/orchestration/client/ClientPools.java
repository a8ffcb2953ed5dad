package io.github.formancecommunity.orchestration.client;

import org.apache.hc.core5.pool.PoolStats;

/** Test access to a client's connection pool statistics, for the fault suites in other packages. */
public final class ClientPools {

    private ClientPools() {
    }

    /** Connections leased out of the client's pool right now; a leak shows as a count that stays above zero. */
    public static int leased(OrchestrationV1Client client) {
        return stats(client).getLeased();
    }

    /** The pool's totals. */
    public static PoolStats stats(OrchestrationV1Client client) {
        PoolStats stats = client.poolStats();
        if (stats == null) {
            throw new IllegalStateException("the client has no built-in connection pool: " + client);
        }
        return stats;
    }
}
