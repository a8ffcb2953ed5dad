package io.github.formancecommunity.orchestration.cloud;

import java.util.function.Supplier;

import io.github.formancecommunity.orchestration.client.OrchestrationFeignTarget;

/**
 * The target that {@link SpringCloudFeignTargetFactory} is creating on this thread, for the prototype beans of the
 * child context, which Spring Cloud OpenFeign asks for while it builds the target.
 */
final class TargetInCreation {

    private static final ThreadLocal<OrchestrationFeignTarget<?>> CURRENT = new ThreadLocal<>();

    private TargetInCreation() {
    }

    static <T> T with(OrchestrationFeignTarget<?> target, Supplier<T> creation) {
        OrchestrationFeignTarget<?> previous = CURRENT.get();
        CURRENT.set(target);
        try {
            return creation.get();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    static OrchestrationFeignTarget<?> current() {
        OrchestrationFeignTarget<?> target = CURRENT.get();
        if (target == null) {
            throw new IllegalStateException("The beans of the Feign client context 'formance-orchestration' are "
                    + "created only with the Orchestration client; do not declare another @FeignClient with that "
                    + "name or context id");
        }
        return target;
    }
}
