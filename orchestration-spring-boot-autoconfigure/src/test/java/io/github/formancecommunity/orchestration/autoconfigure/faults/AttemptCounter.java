package io.github.formancecommunity.orchestration.autoconfigure.faults;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.Ordered;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.client.OrchestrationCall;
import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * Sits between the retry and the circuit breaker interceptors and counts the attempts the retry interceptor makes
 * and the attempts the breaker let through (those that did not fail with an open circuit).
 */
final class AttemptCounter implements OrchestrationCallInterceptor, Ordered {

    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
        attempts.incrementAndGet();
        return call.execute();
    }

    @Override
    public int getOrder() {
        return (OrchestrationInterceptorOrder.RETRY + OrchestrationInterceptorOrder.CIRCUIT_BREAKER) / 2;
    }
}
