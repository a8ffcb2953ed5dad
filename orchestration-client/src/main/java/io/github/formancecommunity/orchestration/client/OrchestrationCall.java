package io.github.formancecommunity.orchestration.client;

/**
 * One execution of an operation against the server, as seen by an {@link OrchestrationCallInterceptor}. Calling
 * {@link #execute()} again sends the request again.
 *
 * @param <T> the operation's result
 */
@FunctionalInterface
public interface OrchestrationCall<T> {

    /** Sends the request and returns the decoded result, or throws an {@link OrchestrationException}. */
    T execute();
}
