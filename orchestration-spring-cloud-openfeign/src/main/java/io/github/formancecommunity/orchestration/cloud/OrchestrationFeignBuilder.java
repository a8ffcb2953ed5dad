package io.github.formancecommunity.orchestration.cloud;

import feign.Capability;
import feign.Client;
import feign.ExceptionPropagationPolicy;
import feign.Feign;

/**
 * The Feign builder of the child context {@code formance-orchestration}. Spring Cloud OpenFeign configures it as
 * any client's builder, except that:
 * <ul>
 * <li>Feign's Micrometer capabilities ({@code feign.micrometer.*}, added by Spring Cloud's Micrometer support or
 * listed under {@code capabilities}) are left out: the client times every call itself, with one
 * {@code formance.orchestration.client.requests} timer per call;</li>
 * <li>it is not a {@code FeignCircuitBreaker.Builder}, so {@code spring.cloud.openfeign.circuitbreaker.enabled}
 * does not wrap the client in a second breaker (the client's own breaker runs on the caller's thread);</li>
 * <li>{@link #keepClientErrorHandling()} undoes {@code dismiss404} and {@code exception-propagation-policy}, which
 * would change the client's exception types.</li>
 * </ul>
 */
final class OrchestrationFeignBuilder extends Feign.Builder {

    // No other reference fields here: Feign's capabilities enrich every non-primitive field of the builder.
    private boolean clientSet;

    @Override
    public Feign.Builder client(Client client) {
        clientSet = true;
        return super.client(client);
    }

    @Override
    public Feign.Builder addCapability(Capability capability) {
        if (isMicrometer(capability)) {
            return this;
        }
        return super.addCapability(capability);
    }

    /** Whether Spring Cloud OpenFeign gave this builder an HTTP client (a load-balancing one, or its pooled one). */
    boolean hasClient() {
        return clientSet;
    }

    /** Feign's error handling as the client expects it: a 404 is an error, retryable failures are not unwrapped. */
    void keepClientErrorHandling() {
        dismiss404 = false;
        propagationPolicy = ExceptionPropagationPolicy.NONE;
    }

    static boolean isMicrometer(Capability capability) {
        return capability.getClass().getName().startsWith("feign.micrometer.");
    }
}
