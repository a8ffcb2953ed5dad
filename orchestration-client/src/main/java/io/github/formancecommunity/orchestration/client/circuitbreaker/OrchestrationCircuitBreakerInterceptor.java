package io.github.formancecommunity.orchestration.client.circuitbreaker;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Guards every attempt with a Resilience4j {@link CircuitBreaker}, on the caller's thread: no thread hop and no
 * time limiter, so the client's own read time-outs (including the longer one of {@code runWorkflow} with
 * {@code wait=true}) are the only limit on a call.
 *
 * <p>What the breaker is told about each call:
 * <ul>
 * <li>a 5xx {@link OrchestrationApiException} and an {@link OrchestrationTransportException} (time-outs
 * included) are <em>errors</em>: {@link CircuitBreaker#onError} is called, so the breaker's own
 * {@code ignoreExceptions}/{@code recordExceptions} settings still apply;</li>
 * <li>any other {@link OrchestrationApiException} (4xx) and an {@link OrchestrationResponseException} (a 2xx with
 * an unreadable body) are <em>successes</em>: the server is up and answered, the caller has to change the
 * request. Counting them keeps the failure rate the share of calls the server failed, and lets a half-open trial
 * call that gets a 404 close the breaker again;</li>
 * <li>anything else, notably an {@code OrchestrationAuthenticationException} from the token endpoint or an
 * argument the client could not encode, says nothing about the Orchestration service: the permission is
 * released and the call is not counted.</li>
 * </ul>
 * When the breaker does not permit the call, an {@link OrchestrationCircuitOpenException} is thrown and no request
 * is sent.
 */
public final class OrchestrationCircuitBreakerInterceptor implements OrchestrationCallInterceptor {

    private final Supplier<CircuitBreaker> source;
    private volatile CircuitBreaker resolved;

    /**
     * Creates the interceptor.
     *
     * @param circuitBreaker the breaker every attempt goes through
     */
    public OrchestrationCircuitBreakerInterceptor(CircuitBreaker circuitBreaker) {
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        this.source = () -> circuitBreaker;
        this.resolved = circuitBreaker;
    }

    /**
     * Creates the interceptor with a breaker looked up on the first call (or {@link #warmUp()}): creating a
     * Resilience4j breaker loads and initialises a few dozen classes, which then stays out of the start-up.
     *
     * @param circuitBreaker where the breaker comes from; asked until it gives one
     */
    public OrchestrationCircuitBreakerInterceptor(Supplier<CircuitBreaker> circuitBreaker) {
        this.source = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    }

    /** The breaker this interceptor reports to. */
    public CircuitBreaker circuitBreaker() {
        CircuitBreaker breaker = resolved;
        if (breaker == null) {
            breaker = Objects.requireNonNull(source.get(), "the circuit breaker source gave no breaker");
            resolved = breaker;
        }
        return breaker;
    }

    /** Looks the breaker up now. */
    @Override
    public void warmUp() {
        circuitBreaker();
    }

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        CircuitBreaker circuitBreaker = circuitBreaker();
        try {
            circuitBreaker.acquirePermission();
        }
        catch (CallNotPermittedException ex) {
            throw new OrchestrationCircuitOpenException(operation, circuitBreaker.getName(), ex);
        }
        long start = circuitBreaker.getCurrentTimestamp();
        T result;
        try {
            result = call.execute();
        }
        catch (RuntimeException ex) {
            record(circuitBreaker, ex, circuitBreaker.getCurrentTimestamp() - start);
            throw ex;
        }
        catch (Error ex) {
            circuitBreaker.releasePermission();
            throw ex;
        }
        circuitBreaker.onSuccess(circuitBreaker.getCurrentTimestamp() - start, circuitBreaker.getTimestampUnit());
        return result;
    }

    private static void record(CircuitBreaker circuitBreaker, RuntimeException ex, long duration) {
        switch (verdict(ex)) {
            case FAILURE -> circuitBreaker.onError(duration, circuitBreaker.getTimestampUnit(), ex);
            case SUCCESS -> circuitBreaker.onSuccess(duration, circuitBreaker.getTimestampUnit());
            case NOT_COUNTED -> circuitBreaker.releasePermission();
        }
    }

    static Verdict verdict(Throwable ex) {
        if (ex instanceof OrchestrationApiException api) {
            return api.isServerError() ? Verdict.FAILURE : Verdict.SUCCESS;
        }
        if (ex instanceof OrchestrationTransportException) {
            return Verdict.FAILURE;
        }
        if (ex instanceof OrchestrationResponseException) {
            return Verdict.SUCCESS;
        }
        return Verdict.NOT_COUNTED;
    }

    /** What a failed call counts as for the breaker. */
    enum Verdict {
        /** The server or the network failed. */
        FAILURE,
        /** The server answered; the request was at fault. */
        SUCCESS,
        /** Nothing is known about the server's health. */
        NOT_COUNTED
    }

    @Override
    public String toString() {
        CircuitBreaker breaker = resolved;
        return "OrchestrationCircuitBreakerInterceptor[" + (breaker == null ? "breaker not looked up yet"
                : breaker.getName()) + "]";
    }
}
