package io.github.formancecommunity.orchestration.client.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between two attempts; replaced by a recorder in tests so that they never wait. */
@FunctionalInterface
interface Sleeper {

    /** The real one: sleeps on the caller's thread. */
    Sleeper THREAD = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /** Waits for {@code duration}, or throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
