package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpServer;

import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/** The {@code formance.orchestration.limits.*} properties: their defaults, their validation, and that they apply. */
class OrchestrationLimitsPropertiesTests {

    private static final String P = "formance.orchestration.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class))
            .withPropertyValues(P + "initialization=eager");

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile int headerCount;
    private volatile int headerLength = 10;
    private volatile int bodySize = 20;
    private volatile boolean silent;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (silent) {
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            for (int i = 0; i < headerCount; i++) {
                exchange.getResponseHeaders().add("X-Pad-" + i, "p".repeat(headerLength));
            }
            String body = "{\"version\":\"v\",\"pad\":\"" + "p".repeat(Math.max(0, bodySize - 22)) + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String baseUrl() {
        return P + "base-url=http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void defaultsAreDocumented() {
        OrchestrationProperties.Limits limits = new OrchestrationProperties().getLimits();
        assertThat(limits.getAttemptTimeout()).isNull();
        assertThat(limits.getCallTimeout()).isNull();
        assertThat(limits.getMaxResponseBodySize()).isEqualTo(DataSize.ofMegabytes(32));
        assertThat(limits.getMaxHeaderCount()).isEqualTo(100);
        assertThat(limits.getMaxHeaderLineLength()).isEqualTo(DataSize.ofKilobytes(8));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"limits.attempt-timeout, 0s, must be a positive duration",
            "limits.call-timeout, -1s, must be a positive duration",
            "limits.max-response-body-size, 0B, must be a size between 1B and",
            "limits.max-response-body-size, 3GB, must be a size between 1B and",
            "limits.max-header-count, 0, must be at least 1",
            "limits.max-header-line-length, 0B, must be a size between 1B and"})
    void invalidValuesFailTheStartNamingTheProperty(String property, String value, String reason) {
        runner.withPropertyValues(baseUrl(), P + property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            InvalidOrchestrationPropertyException failure = Failures.invalidProperty(context);
            assertThat(failure.violations()).containsOnlyKeys(P + property);
            assertThat(failure.getMessage()).contains(reason);
        });
    }

    @Test
    void theBodyLimitApplies() {
        bodySize = 2048;
        runner.withPropertyValues(baseUrl(), P + "limits.max-response-body-size=1KB").run(context -> {
            Throwable thrown = catchThrowable(() -> context.getBean(OrchestrationV1.class).getServerInfo());
            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("larger than the limit of 1 KiB");
        });
    }

    @Test
    void theHeaderLimitsApply() {
        headerCount = 5;
        runner.withPropertyValues(baseUrl(), P + "limits.max-header-count=4").run(context -> {
            Throwable thrown = catchThrowable(() -> context.getBean(OrchestrationV1.class).getServerInfo());
            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("the limit of 4 header fields");
        });
        headerCount = 1;
        headerLength = 2048;
        runner.withPropertyValues(baseUrl(), P + "limits.max-header-line-length=1KB").run(context -> {
            Throwable thrown = catchThrowable(() -> context.getBean(OrchestrationV1.class).getServerInfo());
            assertThat(thrown).isInstanceOf(OrchestrationResponseException.class)
                    .hasMessageContaining("the limit of 1 KiB per status or header line");
        });
    }

    @Test
    void theTimeLimitsApply() {
        silent = true;
        runner.withPropertyValues(baseUrl(), P + "limits.attempt-timeout=300ms", P + "retry.enabled=false")
                .run(context -> {
                    Throwable thrown = catchThrowable(() -> context.getBean(OrchestrationV1.class).getServerInfo());
                    assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                            .hasMessageContaining("attempt time limit of 300 ms");
                });
        runner.withPropertyValues(baseUrl(), P + "limits.call-timeout=400ms", P + "retry.enabled=false")
                .run(context -> {
                    Throwable thrown = catchThrowable(() -> context.getBean(OrchestrationV1.class).getServerInfo());
                    assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                            .hasMessageContaining("call time limit of 400 ms");
                });
    }
}
