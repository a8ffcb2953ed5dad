package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class StartupProbeTest {

    private static final long BOUND_NANOS = 10_000_000_000L;

    @Test
    void withoutSuchAThreadThereIsNothingToWaitFor() throws InterruptedException {
        assertThat(StartupProbe.awaitThread("no-such-thread-" + System.nanoTime(), System.nanoTime(), 1_000))
                .isZero();
    }

    @Test
    void waitsUntilTheNamedThreadHasEnded() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> awaitQuietly(release), "probe-test-warm-up");
        worker.setDaemon(true);
        worker.start();
        Thread waiter = Thread.currentThread();
        // Lets the worker end only once this thread is waiting for it (in join), so the wait is really exercised.
        Thread releaser = new Thread(() -> {
            long deadline = System.nanoTime() + BOUND_NANOS;
            while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
        }, "probe-test-releaser");
        releaser.setDaemon(true);
        long since = System.nanoTime();
        releaser.start();

        double millis = StartupProbe.awaitThread("probe-test-warm-up", since, 30_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(millis).isPositive();
    }

    @Test
    void aThreadThatOutlivesTheTimeOutFailsTheProbe() {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> awaitQuietly(release), "probe-test-stuck");
        worker.setDaemon(true);
        worker.start();
        try {
            assertThatThrownBy(() -> StartupProbe.awaitThread("probe-test-stuck", System.nanoTime(), 50))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("probe-test-stuck still runs 50 ms later");
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void byDefaultTheClientIsBuiltInTheBackgroundBeforeTheHeapIsMeasured() throws Exception {
        StartupComparison.Sample sample = StartupComparison.Sample.parse(StartupProbe.measure(new String[0]));

        assertThat(sample.client()).isTrue();
        assertThat(sample.warm()).as("built once the warm-up thread ended").isTrue();
        assertThat(sample.firstCallMillis()).isNotNegative();
        assertThat(sample.classesAfterWarmUp()).isGreaterThan(sample.classes());
    }

    @Test
    void theArgumentSetsTheInitializationMode() throws Exception {
        StartupComparison.Sample lazy = StartupComparison.Sample.parse(StartupProbe.measure(new String[] {"lazy"}));
        StartupComparison.Sample eager = StartupComparison.Sample.parse(StartupProbe.measure(new String[] {"eager"}));

        assertThat(lazy.warm()).as("lazy: nothing built before the first call").isFalse();
        assertThat(lazy.warmUpMillis()).as("lazy: no warm-up thread").isZero();
        assertThat(lazy.firstCallMillis()).isNotNegative();
        assertThat(eager.warm()).as("eager: built while the context started").isTrue();
        assertThat(eager.warmUpMillis()).as("eager: no warm-up thread").isZero();
    }

    @Test
    void reportsTheClientBuiltThroughSpringCloudOpenFeignWhereItIsOnTheClassPath() throws Exception {
        // The tests' class path has Spring Cloud OpenFeign and orchestration-spring-cloud-openfeign (provided scope).
        StartupComparison.Sample sample = StartupComparison.Sample.parse(StartupProbe.measure(new String[0]));

        assertThat(sample.springCloud()).isTrue();
        assertThat(sample.cloudContext()).as("the child context " + StartupProbe.SPRING_CLOUD_CLIENT_NAME).isTrue();
        assertThatCode(() -> StartupComparison.Side.SPRING_CLOUD.check(List.of(sample)))
                .doesNotThrowAnyException();
    }

    @Test
    void moreThanOneArgumentIsRejected() {
        assertThatThrownBy(() -> StartupProbe.measure(new String[] {"lazy", "eager"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one argument");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
