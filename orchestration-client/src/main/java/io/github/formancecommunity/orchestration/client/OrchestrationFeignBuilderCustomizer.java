package io.github.formancecommunity.orchestration.client;

import feign.Feign;

/**
 * Adjusts the Feign builder of the Orchestration client before it is built (extra request interceptors, a
 * different {@link feign.Client}, capabilities). It applies to this client only. In a Spring Boot application,
 * declare beans of this type.
 */
@FunctionalInterface
public interface OrchestrationFeignBuilderCustomizer {

    /** Customizes the builder. */
    void customize(Feign.Builder builder);
}
