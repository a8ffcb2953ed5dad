package io.github.formancecommunity.orchestration.docs;

// tag::breaker-state[]
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

@Component
class BreakerState {

    private final CircuitBreaker breaker;

    BreakerState(@Qualifier("orchestrationCircuitBreaker") CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
// end::breaker-state[]
