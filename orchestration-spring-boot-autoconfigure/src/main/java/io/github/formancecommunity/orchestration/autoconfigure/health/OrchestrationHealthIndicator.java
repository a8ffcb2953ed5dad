package io.github.formancecommunity.orchestration.autoconfigure.health;

import java.util.Objects;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.ServerInfo;

/**
 * The {@code orchestration} health contributor: calls {@code GET /_info} and reports UP with the server's
 * {@code version}, or DOWN with the failure's type and message (the client's messages never hold a token or a
 * secret). It uses its own client, without the application client's interceptors, so a probe is neither retried
 * nor counted by the circuit breaker, and is bounded by its own short read time-out.
 */
public class OrchestrationHealthIndicator implements HealthIndicator, DisposableBean {

    private final OrchestrationV1 client;

    /**
     * Creates the indicator.
     *
     * @param client the client the probe calls; closed with the indicator when it is {@link AutoCloseable}
     */
    public OrchestrationHealthIndicator(OrchestrationV1 client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Health health() {
        ServerInfo info;
        try {
            info = client.getServerInfo();
        }
        catch (RuntimeException ex) {
            return Health.down().withDetail("error", describe(ex)).build();
        }
        String version = info == null || info.version() == null ? "unknown" : info.version();
        return Health.up().withDetail("version", version).build();
    }

    private static String describe(RuntimeException ex) {
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Closes the probe's client. */
    @Override
    public void destroy() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "OrchestrationHealthIndicator[" + client + "]";
    }
}
