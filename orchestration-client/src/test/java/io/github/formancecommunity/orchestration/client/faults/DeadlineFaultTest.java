package io.github.formancecommunity.orchestration.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.retry.OrchestrationRetryInterceptor;

/**
 * The attempt and call time limits end a call whatever the server does: never accepting the connection, never
 * answering, or answering one byte at a time without end. Each test sets read time-outs far above the limit, so
 * only the limit can end the call, and checks the exception, the pool and the next call.
 */
class DeadlineFaultTest {

    private HostileServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = new HostileServer();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.close();
    }

    private OrchestrationV1Client client(Duration attempt, Duration call) {
        return FaultSupport.builder(server.baseUrl())
                .readTimeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(30))
                .attemptTimeout(attempt)
                .callTimeout(call)
                .maxConnections(2)
                .build();
    }

    @Test
    void anEndlessTrickleEndsAtTheAttemptLimit() throws Exception {
        server.answer((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] space = { ' ' };
            while (!release.await(100, TimeUnit.MILLISECONDS)) { // one byte every 100 ms, until the test ends
                HostileServer.chunk(out, space, 0, 1);
                out.flush();
            }
            return false;
        });
        try (OrchestrationV1Client client = client(Duration.ofSeconds(1), Duration.ofSeconds(20))) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("orchestrationgetServerInfo exceeded its attempt time limit of 1 s")
                    .hasMessageContaining("formance.orchestration.limits.attempt-timeout");
            FaultSupport.assertNoSecretAndBounded(thrown);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aServerThatNeverAnswersEndsAtTheAttemptLimitWhileWaitingForHeaders() throws Exception {
        server.answer((request, out) -> {
            release.await();
            return false;
        });
        try (OrchestrationV1Client client = client(Duration.ofMillis(500), Duration.ofSeconds(20))) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(() -> client.getWorkflow("w1")));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("getWorkflow exceeded its attempt time limit of 500 ms");
            assertThat(((OrchestrationTimeoutException) thrown).operation()).isEqualTo(OrchestrationOperation.GET_WORKFLOW);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aConnectThatHangsEndsAtTheAttemptLimit() throws Exception {
        // A listening socket whose accept queue is full: the kernel drops further SYNs, so a connect hangs.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 200);
                        fillers.add(filler);
                    }
                    catch (java.io.IOException queueFull) {
                        filler.close();
                        break;
                    }
                }
                try (OrchestrationV1Client client = FaultSupport.builder("http://127.0.0.1:" + full.getLocalPort())
                        .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30))
                        .attemptTimeout(Duration.ofMillis(700)).maxConnections(2).build()) {
                    Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                            () -> catchThrowable(client::listWorkflows));

                    assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                            .hasMessageStartingWith("listWorkflows exceeded its attempt time limit of 700 ms");
                    assertThat(io.github.formancecommunity.orchestration.client.ClientPools.leased(client)).isZero();
                }
            }
            finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void theCallLimitEndsRetriesThatWouldGoOnAndSaysSo() throws Exception {
        server.answer((request, out) -> {
            release.await();
            return false;
        });
        AtomicInteger attempts = new AtomicInteger();
        OrchestrationCallInterceptor retryForever = new OrchestrationCallInterceptor() {
            @Override
            public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                while (true) {
                    try {
                        attempts.incrementAndGet();
                        return call.execute();
                    }
                    catch (OrchestrationTransportException ex) {
                        if (ex.getMessage().contains("call time limit")) {
                            throw ex;
                        }
                    }
                }
            }
        };
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl())
                .readTimeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofMillis(1_000)).maxConnections(2).interceptor(retryForever).build()) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::listWorkflows));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("listWorkflows exceeded its call time limit of 1 s")
                    .hasMessageContaining("formance.orchestration.limits.call-timeout")
                    .hasMessageContaining("retries and back-offs included");
            // attempts of 400 ms in a call of 1 s: the third one is cut short by the call's limit
            assertThat(attempts.get()).isBetween(2, 4);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void theCallLimitEndsTheRetryInterceptorsAttemptsAgainstASilentServer() throws Exception {
        server.answer((request, out) -> {
            release.await();
            return false;
        });
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl())
                .readTimeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofMillis(1_000)).maxConnections(2)
                .interceptor(new OrchestrationRetryInterceptor(10, Duration.ofMillis(50), Duration.ofMillis(50), 1.0))
                .build()) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(() -> client.getInstance("i1")));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("getInstance exceeded its call time limit of 1 s")
                    .hasMessageContaining("retries and back-offs included");
            // three attempts of 400 ms and their back-offs fill the second; ten were allowed
            assertThat(server.requests()).isBetween(2, 4);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aBackOffThatWouldPassTheCallLimitIsNotWaited() throws Exception {
        server.answer((request, out) -> HostileServer.json(out, 503, "{\"errorCode\":\"INTERNAL\"}"));
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl())
                .callTimeout(Duration.ofSeconds(5)).maxConnections(2)
                .interceptor(new OrchestrationRetryInterceptor(3, Duration.ofMinutes(1), Duration.ofMinutes(1), 1.0))
                .build()) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(() -> client.getInstance("i1")));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("getInstance exceeded its call time limit of 5 s")
                    .hasCauseInstanceOf(OrchestrationApiException.class);
            assertThat(server.requests()).isEqualTo(1);
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aBodyThatStopsHalfwayEndsAtTheAttemptLimitAfterTheHeadersCame() throws Exception {
        server.answer((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"vers"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            release.await();
            return false;
        });
        try (OrchestrationV1Client client = client(Duration.ofMillis(600), Duration.ofSeconds(20))) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(client::getServerInfo));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageContaining("attempt time limit of 600 ms");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void aRequestBodyTheServerNeverReadsEndsAtTheAttemptLimit() throws Exception {
        server.answer((request, out) -> {
            release.await();
            return false;
        });
        try (OrchestrationV1Client client = client(Duration.ofMillis(600), Duration.ofSeconds(20))) {
            Throwable thrown = assertTimeoutPreemptively(Recovery.GENEROUS,
                    () -> catchThrowable(() -> client.sendEvent("i1", "e")));

            assertThat(thrown).isInstanceOf(OrchestrationTimeoutException.class)
                    .hasMessageStartingWith("sendEvent exceeded its attempt time limit of 600 ms");
            Recovery.assertRecovered(client, server);
        }
    }

    @Test
    void runWorkflowWithWaitKeepsItsLongerLimit() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        server.answer((request, out) -> {
            // slower than the attempt limit of ordinary calls, well within the run-wait time-out
            release.await(1_500, TimeUnit.MILLISECONDS);
            answered.incrementAndGet();
            return HostileServer.json(out, 201, "{\"data\":{\"id\":\"i1\",\"workflowID\":\"w1\","
                    + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\"}}");
        });
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl())
                .readTimeout(Duration.ofSeconds(30)).runWaitTimeout(Duration.ofSeconds(30))
                .attemptTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofMillis(800)).build()) {
            assertThat(client.runWorkflow("w1", java.util.Map.of(), true).id()).isEqualTo("i1");
            assertThat(answered.get()).isEqualTo(1);
        }
    }
}
