package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Counts the requests one client call sends (a retry interceptor may send several) and keeps the failures of all
 * but the last, so that the failure the caller receives says how many attempts were made, how long they took,
 * and carries the earlier failures as suppressed exceptions. Used by one call at a time, on its caller's thread.
 */
final class Attempts {

    private final long start = System.nanoTime();
    private @Nullable List<OrchestrationException> failures; // created on the first failure only
    private int count;

    <T> T run(Supplier<T> request) {
        count++;
        try {
            return request.get();
        }
        catch (OrchestrationException ex) {
            if (failures == null) {
                failures = new ArrayList<>(2);
            }
            failures.add(ex);
            throw ex;
        }
    }

    /** Describes the call on its final failure and returns it. */
    OrchestrationException describe(OrchestrationException failure, String ids) {
        if (failures != null) {
            for (OrchestrationException earlier : failures) {
                if (earlier != failure) {
                    failure.addSuppressed(earlier);
                }
            }
        }
        failure.describeCall(ids, count, Duration.ofNanos(System.nanoTime() - start));
        return failure;
    }
}
