package io.github.formancecommunity.orchestration.autoconfigure.faults;

import io.github.formancecommunity.orchestration.client.faults.OperationCase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import feign.hc5.ApacheHttp5Client;
import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignBuilderCustomizer;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * 64 callers against a flaky API ({@link FlakyApi}), 50 calls each, in rounds between which the clock jumps past
 * the tokens' expiry. Asserted: every caller finishes within the deadline (no deadlock), every call succeeds or
 * fails with a documented exception type, exactly one token request per scope per expiry, POSTs reach the server
 * at most once, idempotent calls stay within the retry budget, no pooled connection stays leased, and no thread
 * started by the client outlives its application context.
 *
 * <p>The pool is observed through a client of our own, passed to the Feign builder by an
 * {@link OrchestrationFeignBuilderCustomizer} bean and set up like the builder's own pool.
 */
class ConcurrencyFaultTests {

    private static final int THREADS = 64;
    private static final int CALLS_PER_THREAD = 50;
    private static final int ROUNDS = 5;
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    static final TokenIssuer TOKENS = new TokenIssuer();
    static final FlakyApi API = new FlakyApi(1_500);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(150).jettyAcceptors(2).extensions(API))
            .build();

    /** The token endpoint on a server of its own, so that the API's load never slows a token request down. */
    @RegisterExtension
    static WireMockExtension tokenServer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TOKENS)).build();

    private static final StarterTally TALLY = new StarterTally("starter 64 concurrent callers");

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    @org.junit.jupiter.api.BeforeEach
    void resetCounts() {
        TOKENS.reset();
        API.reset();
    }

    @Test
    void sixtyFourCallersAgainstAFlakyServerFinishCleanly() throws Exception {
        tokenServer.stubFor(post(urlPathEqualTo(StarterFaults.TOKEN_PATH))
                .willReturn(aResponse().withTransformers(TokenIssuer.NAME)));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FlakyApi.NAME)));
        TOKENS.expiresInSeconds = 3600;

        Set<String> baseline = liveThreadNames();
        SteppingClock clock = new SteppingClock();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(50)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(2))
                        .setSocketTimeout(Timeout.ofSeconds(1))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        CloseableHttpClient http = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
                .disableRedirectHandling().disableCookieManagement().build();
        OrchestrationFeignBuilderCustomizer observedPool = feign -> feign.client(new ApacheHttp5Client(http));

        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Map<OperationCase, LongAdder> calls = new ConcurrentHashMap<>();
        Map<OperationCase, LongAdder> rejected = new ConcurrentHashMap<>();
        AtomicInteger transitions = new AtomicInteger();

        StarterFaults.runner(server.baseUrl())
                .withBean(OrchestrationAuthAutoConfiguration.CLOCK_BEAN_NAME, Clock.class, () -> clock)
                .withBean(OrchestrationFeignBuilderCustomizer.class, () -> observedPool)
                .withPropertyValues("formance.orchestration.auth.token-url=" + tokenServer.baseUrl()
                        + StarterFaults.TOKEN_PATH, "formance.orchestration.read-timeout=1s",
                        "formance.orchestration.run-wait-timeout=1s",
                        "formance.orchestration.retry.max-attempts=" + MAX_ATTEMPTS)
                .run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
                    breaker.getEventPublisher().onStateTransition(event -> transitions.incrementAndGet());
                    // all callers meet between rounds; the clock then jumps past every token's expiry
                    CyclicBarrier round = new CyclicBarrier(THREADS, () -> clock.advance(Duration.ofHours(2)));
                    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
                    Future<?>[] done = new Future<?>[THREADS];
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        done[t] = callers.submit(() -> {
                            for (int k = 0; k < CALLS_PER_THREAD; k++) {
                                if (k > 0 && k % (CALLS_PER_THREAD / ROUNDS) == 0) {
                                    round.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                                }
                                OperationCase operation = OperationCase.values()[(thread + k)
                                        % OperationCase.values().length];
                                calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
                                try {
                                    operation.invoke(client);
                                    outcomes.computeIfAbsent("success", o -> new LongAdder()).increment();
                                }
                                catch (RuntimeException ex) {
                                    outcomes.computeIfAbsent(ex.getClass().getName(), o -> new LongAdder())
                                            .increment();
                                    if (ex instanceof OrchestrationCircuitOpenException) {
                                        rejected.computeIfAbsent(operation, o -> new LongAdder()).increment();
                                    }
                                }
                            }
                            return null;
                        });
                    }
                    callers.shutdown();
                    boolean finished = callers.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    if (!finished) {
                        callers.shutdownNow();
                    }
                    assertThat(finished).as("every caller finished within " + DEADLINE).isTrue();
                    for (Future<?> future : done) {
                        future.get(); // a caller that died (barrier broken, error) fails here
                    }

                    int total = THREADS * CALLS_PER_THREAD;
                    int attempts = context.getBean(AttemptCounter.class).attempts.get();
                    TALLY.calls.addAndGet(total);
                    TALLY.requests.addAndGet(API.requests.get());
                    TALLY.faults.addAndGet(API.faultCount());
                    TALLY.retries.addAndGet(attempts - total);
                    TALLY.transitions.addAndGet(transitions.get());
                    TALLY.tokenRequests.addAndGet(TOKENS.requests());

                    System.out.printf("[fault-suite] outcomes %s; faults %s; attempts %d; tokens %s%n",
                            new TreeMap<>(outcomes), new TreeMap<>(API.faults), attempts, TOKENS.issued);

                    // every call succeeded or failed with a documented type
                    assertThat(outcomes.values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo(total);
                    Set<String> documented = StarterFaults.DOCUMENTED.stream().map(Class::getName)
                            .collect(Collectors.toSet());
                    assertThat(outcomes.keySet()).allSatisfy(
                            type -> assertThat(type.equals("success") || documented.contains(type)).as(type).isTrue());
                    assertThat(outcomes.get("success").sum()).isPositive();

                    // one token request per scope per expiry: the clock moved ROUNDS - 1 times
                    assertThat(TOKENS.requests("orchestration:read")).isEqualTo(ROUNDS);
                    assertThat(TOKENS.requests("orchestration:write")).isEqualTo(ROUNDS);

                    // POSTs at most once per call, idempotent calls within the budget
                    for (OperationCase operation : OperationCase.values()) {
                        long made = calls.get(operation).sum();
                        long sent = made - (rejected.containsKey(operation) ? rejected.get(operation).sum() : 0);
                        int received = API.requests(operation);
                        if (operation.idempotent()) {
                            assertThat(received).as(operation.name()).isBetween((int) Math.min(sent, 1),
                                    (int) (MAX_ATTEMPTS * sent));
                        }
                        else {
                            assertThat(received).as(operation.name()).isEqualTo((int) sent);
                        }
                    }

                    // no connection stays leased once every call has returned
                    PoolStats stats = pool.getTotalStats();
                    assertThat(stats.getLeased()).as("leased connections").isZero();
                    assertThat(stats.getPending()).as("pending connection requests").isZero();
                });
        http.close();

        // every thread the client started ends with its context (WireMock's own Jetty threads aside) ...
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(newThreads(baseline)).as("threads left over")
                        .allMatch(name -> name.matches("HttpClient-\\d+-SelectorManager#\\d+")));
        // ... except, on Java 17, the selector thread of the token endpoint's java.net.http.HttpClient, which that
        // version cannot close: it ends once the client is unreachable, at the first garbage collection
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(newThreads(baseline)).as("threads left over after a GC").isEmpty();
                });
    }

    @Test
    void aStormUnderConcurrencyOpensTheBreakerAndEveryoneGetsADocumentedAnswer() throws Exception {
        tokenServer.stubFor(post(urlPathEqualTo(StarterFaults.TOKEN_PATH))
                .willReturn(aResponse().withTransformers(TokenIssuer.NAME)));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FlakyApi.NAME)));
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        java.util.List<CircuitBreaker.StateTransition> transitions = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger roundNumber = new AtomicInteger();

        StarterFaults.runner(server.baseUrl())
                .withPropertyValues("formance.orchestration.auth.token-url=" + tokenServer.baseUrl()
                        + StarterFaults.TOKEN_PATH, "formance.orchestration.read-timeout=1s",
                        "formance.orchestration.run-wait-timeout=1s",
                        "formance.orchestration.circuit-breaker.sliding-window-size=20",
                        "formance.orchestration.circuit-breaker.minimum-number-of-calls=20",
                        "formance.orchestration.circuit-breaker.failure-rate-threshold=50",
                        "formance.orchestration.circuit-breaker.wait-duration-in-open-state=100ms")
                .run(context -> {
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    CircuitBreaker breaker = context.getBean("orchestrationCircuitBreaker", CircuitBreaker.class);
                    breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
                    // rounds 0-1 flaky, 2-3 a storm of 500s, 4 healthy again
                    CyclicBarrier round = new CyclicBarrier(THREADS, () -> {
                        int next = roundNumber.incrementAndGet();
                        API.storm = next == 2 || next == 3;
                        API.healthy = next == 4;
                    });
                    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
                    Future<?>[] done = new Future<?>[THREADS];
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        done[t] = callers.submit(() -> {
                            for (int k = 0; k < CALLS_PER_THREAD; k++) {
                                if (k > 0 && k % (CALLS_PER_THREAD / ROUNDS) == 0) {
                                    round.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                                }
                                OperationCase operation = OperationCase.values()[(thread + k)
                                        % OperationCase.values().length];
                                try {
                                    operation.invoke(client);
                                    outcomes.computeIfAbsent("success", o -> new LongAdder()).increment();
                                }
                                catch (RuntimeException ex) {
                                    outcomes.computeIfAbsent(ex.getClass().getName(), o -> new LongAdder())
                                            .increment();
                                }
                            }
                            return null;
                        });
                    }
                    callers.shutdown();
                    boolean finished = callers.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    if (!finished) {
                        callers.shutdownNow();
                    }
                    API.storm = false;
                    assertThat(finished).as("every caller finished within " + DEADLINE).isTrue();
                    for (Future<?> future : done) {
                        future.get();
                    }
                    // the last round was healthy: sequential calls close the breaker if it is not closed yet
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                        catchOpen(client);
                        return breaker.getState() == CircuitBreaker.State.CLOSED;
                    });
                    API.healthy = false;

                    int total = THREADS * CALLS_PER_THREAD;
                    TALLY.calls.addAndGet(total);
                    TALLY.requests.addAndGet(API.requests.get());
                    TALLY.faults.addAndGet(API.faultCount());
                    TALLY.tokenRequests.addAndGet(TOKENS.requests());
                    TALLY.transitions.addAndGet(transitions.size());
                    System.out.printf("[fault-suite] storm outcomes %s; transitions %s%n", new TreeMap<>(outcomes),
                            transitions);
                    assertThat(outcomes.values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo(total);
                    Set<String> documented = StarterFaults.DOCUMENTED.stream().map(Class::getName)
                            .collect(Collectors.toSet());
                    assertThat(outcomes.keySet()).allSatisfy(
                            type -> assertThat(type.equals("success") || documented.contains(type)).as(type).isTrue());
                    assertThat(outcomes).containsKey(OrchestrationCircuitOpenException.class.getName());
                    assertThat(transitions).contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
                            CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN);
                    assertThat(transitions.get(transitions.size() - 1))
                            .isEqualTo(CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
                });
    }

    private static void catchOpen(OrchestrationV1 client) {
        try {
            client.listWorkflows();
        }
        catch (RuntimeException ex) {
            // open or a last failure: the await polls again
        }
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
    }

    private static Set<String> newThreads(Set<String> baseline) {
        Set<String> now = liveThreadNames();
        now.removeAll(baseline);
        // WireMock's Jetty: its worker pool (qtp...) and the connector's scheduler, started lazily under load
        now.removeIf(name -> name.startsWith("qtp") || name.startsWith("Connector-Scheduler")
                || name.startsWith("awaitility"));
        return now;
    }
}
