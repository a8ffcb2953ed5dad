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

    /**
     * Sends a header with every request of this call from now on, such as a trace context; a later value of the
     * same name replaces an earlier one. {@code Authorization} is ignored: the token source sets it. A call that
     * does not go to the server (a test double, for instance) ignores headers.
     *
     * @param name  the header name
     * @param value the header value
     */
    default void header(String name, String value) {
    }
}
