package io.github.formancecommunity.orchestration.client;

import java.net.URI;

/**
 * Creates the Feign target of an {@link OrchestrationV1Client} outside the client, for example as a named Spring
 * Cloud OpenFeign client. The factory supplies what its framework manages (the HTTP client, load balancing,
 * time-outs, request interceptors, capabilities); the client keeps its own contract, codecs, error decoder, wire
 * logger, bearer authentication and {@link OrchestrationFeignBuilderCustomizer}s, which
 * {@link OrchestrationFeignTarget#configure(feign.Feign.Builder)} applies to the factory's builder. Calls still run
 * through the client's {@link OrchestrationCallInterceptor}s and get the client's exception types.
 *
 * <p>Set one with {@link OrchestrationClientBuilder#targetFactory(OrchestrationFeignTargetFactory)}.
 */
public interface OrchestrationFeignTargetFactory {

    /**
     * Checks a base URL whose scheme is neither {@code http} nor {@code https}, such as {@code lb://service-id}.
     * Called by {@link OrchestrationClientBuilder#build()}. By default no other scheme is accepted.
     *
     * @param baseUrl the base URL, already free of a query, a fragment and credentials
     * @throws IllegalArgumentException when this factory cannot serve the URL, saying what is missing
     */
    default void checkBaseUrl(URI baseUrl) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, got a '"
                + baseUrl.getScheme() + "' URL");
    }

    /**
     * Creates the Feign target. Called once per client, when the client builds its wire (at {@code build()}, or on
     * the first call or warm-up of a lazy client).
     *
     * @param target what the client needs from the Feign builder
     * @param <T>    the client's wire interface
     * @return the Feign proxy of {@link OrchestrationFeignTarget#type()}
     */
    <T> T create(OrchestrationFeignTarget<T> target);
}
