package io.github.formancecommunity.orchestration.client.observation;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Makes every call one Micrometer {@link Observation}, named and tagged by an
 * {@link OrchestrationObservationConvention} ({@link DefaultOrchestrationObservationConvention} unless another is
 * given). Retries happen inside the observation: a retried call is one observation, one span and one timer
 * sample, tagged with how its last attempt ended.
 *
 * <p>The observation is current (in scope) on the caller's thread while the requests are sent. The headers a
 * propagating handler sets on its {@link OrchestrationObservationContext} when it starts, such as Micrometer
 * Tracing's W3C {@code traceparent}, go with every request of the call, so the server's span is a child of the
 * call's span, itself a child of the caller's current span.
 *
 * <p>The request timer {@value DefaultOrchestrationObservationConvention#NAME} is made from the observation by
 * Micrometer's {@link DefaultMeterObservationHandler} registered on the application's registry. When there is only
 * a {@link MeterRegistry}, {@link #metrics(MeterRegistry)} records the same timer, with the same name and tags.
 */
public final class OrchestrationObservationInterceptor implements OrchestrationCallInterceptor {

    /** The name of the observation and of the request timer. */
    public static final String OBSERVATION_NAME = DefaultOrchestrationObservationConvention.NAME;

    private final ObservationRegistry registry;
    private final @Nullable OrchestrationObservationConvention convention;
    private final @Nullable RequestTimers timers;

    /**
     * Creates the interceptor with the default convention.
     *
     * @param registry the registry the observations are made in
     */
    public OrchestrationObservationInterceptor(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * Creates the interceptor.
     *
     * @param registry   the registry the observations are made in
     * @param convention the convention replacing the default one, or {@code null} for the default
     */
    public OrchestrationObservationInterceptor(ObservationRegistry registry,
            @Nullable OrchestrationObservationConvention convention) {
        this(registry, convention, null);
    }

    private OrchestrationObservationInterceptor(ObservationRegistry registry,
            @Nullable OrchestrationObservationConvention convention, @Nullable RequestTimers timers) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
        this.timers = timers;
    }

    /**
     * An interceptor recording the request timer in a meter registry without an application
     * {@link ObservationRegistry}. With the default convention it records the timer directly, with the name and
     * tags an observation registry's {@link DefaultMeterObservationHandler} would give it (the timer is all an
     * observation would reach here, and recording it directly costs a fraction of an observation). With another
     * convention, its observations go to a registry of its own whose only handler is a
     * {@link DefaultMeterObservationHandler}, so the convention names and tags the timer.
     *
     * @param meterRegistry where the timer goes
     * @param convention    the convention replacing the default one, or {@code null} for the default
     * @return the interceptor
     */
    public static OrchestrationObservationInterceptor metrics(MeterRegistry meterRegistry,
            @Nullable OrchestrationObservationConvention convention) {
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        if (convention == null) {
            return new OrchestrationObservationInterceptor(ObservationRegistry.NOOP, null,
                    new RequestTimers(meterRegistry));
        }
        ObservationRegistry registry = ObservationRegistry.create();
        // The timer only: a long-task timer of calls in flight would cost a registration and a sample per call
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry,
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        return new OrchestrationObservationInterceptor(registry, convention);
    }

    /**
     * {@link #metrics(MeterRegistry, OrchestrationObservationConvention)} with the default convention.
     *
     * @param meterRegistry where the timer goes
     * @return the interceptor
     */
    public static OrchestrationObservationInterceptor metrics(MeterRegistry meterRegistry) {
        return metrics(meterRegistry, null);
    }

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        if (timers != null) {
            return timers.record(operation, call);
        }
        if (registry.isNoop()) {
            return call.execute();
        }
        OrchestrationObservationContext context = new OrchestrationObservationContext(operation);
        Observation observation = Observation.createNotStarted(convention,
                DefaultOrchestrationObservationConvention.INSTANCE, () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            Map<String, String> headers = context.getCarrier();
            if (headers != null) {
                headers.forEach(call::header);
            }
            T result = call.execute();
            context.succeeded();
            return result;
        }
        catch (RuntimeException | Error ex) {
            context.failed(ex);
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "OrchestrationObservationInterceptor[" + (convention == null ? OBSERVATION_NAME
                : convention.getClass().getSimpleName()) + "]";
    }
}
