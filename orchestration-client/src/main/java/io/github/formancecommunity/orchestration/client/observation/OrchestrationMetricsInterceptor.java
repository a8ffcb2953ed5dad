package io.github.formancecommunity.orchestration.client.observation;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Times every call, retries included, with the timer {@value #METER_NAME} and the tags
 * <ul>
 * <li>{@code operation}: the seed operation name ({@link OrchestrationOperation#operationId()});</li>
 * <li>{@code method}: the HTTP method;</li>
 * <li>{@code status}: the HTTP status, or {@code IO_ERROR}, {@code TIMEOUT}, {@code CIRCUIT_OPEN},
 * {@code AUTH_ERROR}, {@code CLIENT_ERROR} for a failure without one;</li>
 * <li>{@code outcome}: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION},
 * {@code INFORMATIONAL} or {@code UNKNOWN} (no usable response);</li>
 * <li>{@code error.code}: {@code VALIDATION}, {@code NOT_FOUND}, {@code INTERNAL}, {@code OTHER} for an unknown
 * code, {@code none} when the failure carried none.</li>
 * </ul>
 * No id ever goes into a tag. The timers of successful calls are registered up front, those of failures on first
 * use and cached, so that a call costs no meter lookup.
 */
public final class OrchestrationMetricsInterceptor implements OrchestrationCallInterceptor {

    /** Name of the request timer. */
    public static final String METER_NAME = "formance.orchestration.client.requests";

    private static final String DESCRIPTION = "Calls to the Formance Orchestration V1 API";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer[] successTimers;
    private final ConcurrentMap<FailureKey, Timer> failureTimers = new ConcurrentHashMap<>();

    /**
     * Creates the interceptor and registers the timers of successful calls.
     *
     * @param registry where the timers go
     */
    public OrchestrationMetricsInterceptor(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = registry.config().clock();
        OrchestrationOperation[] operations = OrchestrationOperation.values();
        this.successTimers = new Timer[operations.length];
        for (OrchestrationOperation operation : operations) {
            successTimers[operation.ordinal()] = timer(operation, CallOutcome.success(operation));
        }
    }

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        long start = clock.monotonicTime();
        T result;
        try {
            result = call.execute();
        }
        catch (RuntimeException ex) {
            failureTimer(operation, ex).record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            throw ex;
        }
        successTimers[operation.ordinal()].record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    private Timer failureTimer(OrchestrationOperation operation, RuntimeException ex) {
        FailureKey key = new FailureKey(operation, CallOutcome.failure(ex));
        Timer timer = failureTimers.get(key);
        if (timer == null) {
            timer = failureTimers.computeIfAbsent(key, k -> timer(k.operation(), k.outcome()));
        }
        return timer;
    }

    private Timer timer(OrchestrationOperation operation, CallOutcome outcome) {
        return Timer.builder(METER_NAME)
                .description(DESCRIPTION)
                .tags(Tags.of("operation", operation.operationId(), "method", operation.httpMethod(), "status",
                        outcome.status(), "outcome", outcome.outcome(), "error.code", outcome.errorCode()))
                .register(registry);
    }

    private record FailureKey(OrchestrationOperation operation, CallOutcome outcome) {
    }

    @Override
    public String toString() {
        return "OrchestrationMetricsInterceptor[" + METER_NAME + "]";
    }
}
