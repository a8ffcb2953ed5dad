package io.github.formancecommunity.orchestration.client.observation;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * Records the request timer of the default convention straight into a {@link MeterRegistry}, for a client that has
 * a meter registry and no observation registry: nothing but the timer would receive an observation there, so the
 * timer is recorded without one. Its name and tags are those Micrometer's {@code DefaultMeterObservationHandler}
 * gives the timer of an observation under {@link DefaultOrchestrationObservationConvention}: the convention's
 * low-cardinality key values and {@code error} (the simple name of the failure's class, {@code none} on success).
 *
 * <p>The timer of each operation's success is looked up once, when the operation first succeeds, and kept; a
 * failure's timer is looked up when it happens.
 */
final class RequestTimers {

    private static final String NO_ERROR = "none";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReferenceArray<Timer> successes =
            new AtomicReferenceArray<>(OrchestrationOperation.values().length);

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
        this.clock = registry.config().clock();
    }

    <T> T record(OrchestrationOperation operation, OrchestrationCall<T> call) {
        long start = clock.monotonicTime();
        T result;
        try {
            result = call.execute();
        }
        catch (RuntimeException | Error ex) {
            failure(operation, ex).record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            throw ex;
        }
        success(operation).record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    private Timer success(OrchestrationOperation operation) {
        Timer timer = successes.get(operation.ordinal());
        if (timer == null) {
            timer = timer(operation, CallOutcome.success(operation), NO_ERROR);
            successes.set(operation.ordinal(), timer);
        }
        return timer;
    }

    private Timer failure(OrchestrationOperation operation, Throwable failure) {
        return timer(operation, CallOutcome.failure(failure), failure.getClass().getSimpleName());
    }

    private Timer timer(OrchestrationOperation operation, CallOutcome outcome, String error) {
        Tags tags = Tags.of("error", error);
        for (KeyValue keyValue : DefaultOrchestrationObservationConvention.keyValues(operation, outcome)) {
            tags = tags.and(keyValue.getKey(), keyValue.getValue());
        }
        return Timer.builder(DefaultOrchestrationObservationConvention.NAME).tags(tags).register(registry);
    }
}
