package io.github.formancecommunity.orchestration.client.auth;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/** Waits, with a bound, until threads are parked at a given place. */
public final class Threads {

    private Threads() {
    }

    /** Blocks until every thread waits (or is blocked) with {@code frame} (class and method) on its stack. */
    public static void awaitParkedIn(Collection<Thread> threads, String frame) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .until(() -> threads.stream().allMatch(thread -> isParkedIn(thread, frame)));
    }

    public static boolean isParkedIn(Thread thread, String frame) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING && state != Thread.State.BLOCKED) {
            return false;
        }
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(element -> (element.getClassName() + "." + element.getMethodName()).endsWith(frame));
    }
}
