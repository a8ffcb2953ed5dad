package io.github.formancecommunity.orchestration.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;

class ClientCredentialsTokenSourceTests {

    private static final String READ = "orchestration:read";
    private static final String WRITE = "orchestration:write";

    private final MutableClock clock = new MutableClock();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test
    void fetchesOnFirstUseAndCachesOneTokenPerScope() {
        FakeFetcher fetcher = new FakeFetcher(scope -> new AccessToken("tok-" + scope, Duration.ofHours(1)));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));

        assertThat(fetcher.calls()).isZero();
        assertThat(source.token(READ)).isEqualTo("tok-orchestration:read");
        assertThat(source.token(READ)).isEqualTo("tok-orchestration:read");
        assertThat(source.token(WRITE)).isEqualTo("tok-orchestration:write");
        assertThat(source.token(WRITE)).isEqualTo("tok-orchestration:write");
        assertThat(fetcher.scopes).containsExactly(READ, WRITE);
        assertThat(source.isRefreshable()).isTrue();
    }

    @Test
    void replacesTheTokenRefreshBeforeExpiryAheadOfItsExpiry() {
        FakeFetcher fetcher = FakeFetcher.numbered(Duration.ofSeconds(300));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));

        assertThat(source.token(READ)).isEqualTo("tok-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(source.token(READ)).isEqualTo("tok-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.token(READ)).isEqualTo("tok-2");
        assertThat(fetcher.calls()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpiresInLastsTheDefaultLifetime() {
        FakeFetcher fetcher = FakeFetcher.numbered(null);
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));

        source.token(READ);
        clock.advance(ClientCredentialsTokenSource.DEFAULT_LIFETIME.minusSeconds(31));
        assertThat(source.token(READ)).isEqualTo("tok-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.token(READ)).isEqualTo("tok-2");
    }

    @Test
    void theCacheTimeIsNeverNegative() {
        ClientCredentialsTokenSource thirtySeconds = source(FakeFetcher.numbered(null), Duration.ofSeconds(30));
        assertThat(thirtySeconds.cacheTime(Duration.ofSeconds(3600))).isEqualTo(Duration.ofSeconds(3570));
        assertThat(thirtySeconds.cacheTime(Duration.ofSeconds(31))).isEqualTo(Duration.ofSeconds(1));
        assertThat(thirtySeconds.cacheTime(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
        assertThat(thirtySeconds.cacheTime(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(10));
        assertThat(thirtySeconds.cacheTime(null)).isEqualTo(Duration.ofMinutes(5).minusSeconds(30));
        ClientCredentialsTokenSource noMargin = source(FakeFetcher.numbered(null), Duration.ZERO);
        assertThat(noMargin.cacheTime(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aShortLivedTokenIsReplacedAfterHalfItsLifetime() {
        FakeFetcher fetcher = FakeFetcher.numbered(Duration.ofSeconds(20));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));

        source.token(READ);
        clock.advance(Duration.ofSeconds(9));
        assertThat(source.token(READ)).isEqualTo("tok-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.token(READ)).isEqualTo("tok-2");
    }

    @Test
    void invalidateDropsOnlyTheCachedToken() {
        FakeFetcher fetcher = FakeFetcher.numbered(Duration.ofHours(1));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));

        assertThat(source.token(READ)).isEqualTo("tok-1");
        source.invalidate("some-other-token");
        source.invalidate(null);
        assertThat(source.token(READ)).isEqualTo("tok-1");

        source.invalidate("tok-1");
        assertThat(source.token(READ)).isEqualTo("tok-2");

        // a late 401 for the old token must not throw away its replacement
        source.invalidate("tok-1");
        assertThat(source.token(READ)).isEqualTo("tok-2");
        assertThat(fetcher.calls()).isEqualTo(2);
    }

    @Test
    void invalidatingOneScopesTokenKeepsTheOtherScopes() {
        FakeFetcher fetcher = FakeFetcher.numbered(Duration.ofHours(1));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));
        String read = source.token(READ);
        String write = source.token(WRITE);

        source.invalidate(read);

        assertThat(source.token(WRITE)).isEqualTo(write);
        assertThat(source.token(READ)).isNotEqualTo(read);
        assertThat(fetcher.calls()).isEqualTo(3);
    }

    @Test
    void concurrentCallersShareOneRequest() throws Exception {
        GatedFetcher fetcher = new GatedFetcher(scope -> new AccessToken("shared", Duration.ofHours(1)));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, Object> results = new ConcurrentHashMap<>();
        for (int i = 0; i < callers; i++) {
            int id = i;
            startThread(() -> {
                await(start);
                results.put(id, call(() -> source.token(READ)));
            });
        }
        start.countDown();
        assertThat(fetcher.entered.await(20, TimeUnit.SECONDS)).isTrue();
        Threads.awaitParkedIn(followers(fetcher), "ScopeCache.await");

        fetcher.gate.countDown();
        joinAll();

        assertThat(results).hasSize(callers).allSatisfy((id, result) -> assertThat(result).isEqualTo("shared"));
        assertThat(fetcher.calls.get()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshReachesEveryWaiterAndTheNextCallTriesAgain() throws Exception {
        AtomicInteger attempt = new AtomicInteger();
        GatedFetcher fetcher = new GatedFetcher(scope -> {
            if (attempt.incrementAndGet() == 1) {
                throw new OrchestrationAuthenticationException("endpoint said no", 503, null);
            }
            return new AccessToken("second", Duration.ofHours(1));
        });
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, Object> results = new ConcurrentHashMap<>();
        for (int i = 0; i < callers; i++) {
            int id = i;
            startThread(() -> {
                await(start);
                results.put(id, call(() -> source.token(READ)));
            });
        }
        start.countDown();
        assertThat(fetcher.entered.await(20, TimeUnit.SECONDS)).isTrue();
        Threads.awaitParkedIn(followers(fetcher), "ScopeCache.await");
        fetcher.gate.countDown();
        joinAll();

        assertThat(results).hasSize(callers).allSatisfy((id, result) -> {
            assertThat(result).isInstanceOf(OrchestrationAuthenticationException.class);
            assertThat((OrchestrationAuthenticationException) result).hasMessage("endpoint said no")
                    .extracting(OrchestrationAuthenticationException::status).isEqualTo(503);
        });
        assertThat(source.token(READ)).isEqualTo("second");
        assertThat(fetcher.calls.get()).isEqualTo(2);
    }

    @Test
    void aScopeBeingRefreshedDoesNotHoldUpAnotherScope() throws Exception {
        GatedFetcher fetcher = new GatedFetcher(scope -> new AccessToken("tok-" + scope, Duration.ofHours(1)));
        fetcher.gatedScope = READ;
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));
        AtomicReference<Object> read = new AtomicReference<>();
        startThread(() -> read.set(call(() -> source.token(READ))));
        assertThat(fetcher.entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(source.token(WRITE)).isEqualTo("tok-orchestration:write");
        assertThat(read.get()).isNull();

        fetcher.gate.countDown();
        joinAll();
        assertThat(read.get()).isEqualTo("tok-orchestration:read");
    }

    @Test
    void anInterruptedWaiterGivesUpAndKeepsItsInterruptFlag() throws Exception {
        GatedFetcher fetcher = new GatedFetcher(scope -> new AccessToken("late", Duration.ofHours(1)));
        ClientCredentialsTokenSource source = source(fetcher, Duration.ofSeconds(30));
        startThread(() -> call(() -> source.token(READ)));
        assertThat(fetcher.entered.await(20, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread waiter = startThread(() -> {
            result.set(call(() -> source.token(READ)));
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        Threads.awaitParkedIn(List.of(waiter), "ScopeCache.await");

        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(result.get()).isInstanceOf(OrchestrationAuthenticationException.class)
                .hasFieldOrPropertyWithValue("message",
                        "Interrupted while waiting for an access token for scope 'orchestration:read'");
        assertThat(interrupted.get()).isTrue();
        fetcher.gate.countDown();
        joinAll();
        assertThat(source.token(READ)).isEqualTo("late");
    }

    @Test
    void theClientBuilderRejectsANegativeMargin() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> io.github.formancecommunity.orchestration.client.OrchestrationV1Client.builder()
                        .clientCredentials("app", "secret").tokenRefreshBeforeExpiry(Duration.ofSeconds(-1)).build())
                .withMessageContaining("tokenRefreshBeforeExpiry");
    }

    @Test
    void theDescriptionIsItsToString() {
        assertThat(source(FakeFetcher.numbered(null), Duration.ZERO)).hasToString("test-source");
        assertThat(new AccessToken("tok-secret", Duration.ofSeconds(1)).toString()).doesNotContain("tok-secret");
        assertThatThrownBy(() -> new AccessToken(null, null)).isInstanceOf(NullPointerException.class);
    }

    private ClientCredentialsTokenSource source(TokenFetcher fetcher, Duration margin) {
        return new ClientCredentialsTokenSource(fetcher, margin, clock, "test-source");
    }

    private Thread startThread(Runnable body) {
        Thread thread = new Thread(body, "caller-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    private List<Thread> followers(GatedFetcher fetcher) {
        return threads.stream().filter(thread -> thread != fetcher.leader).toList();
    }

    private void joinAll() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
        }
    }

    private static Object call(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        }
        catch (RuntimeException ex) {
            return ex;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers immediately, recording the scopes asked for. */
    static final class FakeFetcher implements TokenFetcher {

        final List<String> scopes = new CopyOnWriteArrayList<>();
        private final Function<String, AccessToken> answer;

        FakeFetcher(Function<String, AccessToken> answer) {
            this.answer = answer;
        }

        static FakeFetcher numbered(Duration lifetime) {
            AtomicInteger counter = new AtomicInteger();
            return new FakeFetcher(scope -> new AccessToken("tok-" + counter.incrementAndGet(), lifetime));
        }

        int calls() {
            return scopes.size();
        }

        @Override
        public AccessToken fetch(String scope) {
            scopes.add(scope);
            return answer.apply(scope);
        }
    }

    /** Holds the fetch of the gated scope (all scopes by default) until the test opens the gate. */
    static final class GatedFetcher implements TokenFetcher {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        volatile Thread leader;
        volatile String gatedScope;
        private final Function<String, AccessToken> answer;

        GatedFetcher(Function<String, AccessToken> answer) {
            this.answer = answer;
        }

        @Override
        public AccessToken fetch(String scope) {
            calls.incrementAndGet();
            if (gatedScope == null || gatedScope.equals(scope)) {
                if (leader == null) {
                    leader = Thread.currentThread();
                }
                entered.countDown();
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", ex);
                }
            }
            return answer.apply(scope);
        }
    }
}
