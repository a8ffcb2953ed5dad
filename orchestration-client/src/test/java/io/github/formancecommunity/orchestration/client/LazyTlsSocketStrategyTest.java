package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

class LazyTlsSocketStrategyTest {

    @Test
    void createsTheTlsSetUpOnFirstUpgradeOnly() throws Exception {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger upgrades = new AtomicInteger();
        TlsSocketStrategy real = (socket, target, port, attachment, context) -> {
            upgrades.incrementAndGet();
            return null;
        };
        LazyTlsSocketStrategy lazy = new LazyTlsSocketStrategy(() -> {
            created.incrementAndGet();
            return real;
        });

        assertThat(created).hasValue(0);
        assertThat(lazy).hasToString("LazyTlsSocketStrategy[not created yet]");

        try (Socket socket = new Socket()) {
            lazy.upgrade(socket, "stack.example", 443, null, null);
            lazy.upgrade(socket, "stack.example", 443, null, null);
        }

        assertThat(created).hasValue(1);
        assertThat(upgrades).hasValue(2);
    }
}
