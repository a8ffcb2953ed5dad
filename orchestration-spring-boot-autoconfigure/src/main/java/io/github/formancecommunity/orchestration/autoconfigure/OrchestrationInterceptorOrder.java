package io.github.formancecommunity.orchestration.autoconfigure;

/**
 * The {@link org.springframework.core.annotation.Order} of the call interceptors the starter registers, lowest
 * outermost: the observation (and so the request timer) covers the whole call including retries, each retry
 * attempt passes through the circuit breaker. An application's own {@code OrchestrationCallInterceptor} beans slot
 * in by their order.
 */
public final class OrchestrationInterceptorOrder {

    /** The observation (timer and span) around the whole call. */
    public static final int OBSERVATION = 100;
    /** The request timer, when the calls are timed without the application's observation registry. */
    public static final int METRICS = 200;
    /** Retries of idempotent operations. */
    public static final int RETRY = 300;
    /** The circuit breaker, once per attempt. */
    public static final int CIRCUIT_BREAKER = 400;

    private OrchestrationInterceptorOrder() {
    }
}
