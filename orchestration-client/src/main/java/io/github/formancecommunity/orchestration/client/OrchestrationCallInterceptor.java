package io.github.formancecommunity.orchestration.client;

/**
 * Wraps every call of an {@link OrchestrationV1Client} on the caller's thread: the hook for metrics, circuit
 * breaking and retries. Interceptors run in the order they were added to the builder, the first one outermost.
 * An interceptor sees the operation and decides whether, and how often, to {@link OrchestrationCall#execute()}.
 * Arguments were validated before the first interceptor runs.
 */
@FunctionalInterface
public interface OrchestrationCallInterceptor {

    /**
     * Runs the call, possibly decorated.
     *
     * @param operation the operation being called
     * @param call      the rest of the chain; each {@code execute()} sends one request
     * @param <T>       the operation's result
     * @return the result of the call
     */
    <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call);

    /**
     * Prepares what this interceptor would otherwise build on its first call; called by
     * {@link OrchestrationV1Client#warmUp()}, possibly on another thread than the calls, possibly concurrently with
     * them. Does nothing by default.
     */
    default void warmUp() {
    }
}
