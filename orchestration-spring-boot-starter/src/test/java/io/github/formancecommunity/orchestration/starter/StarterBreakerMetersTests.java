package io.github.formancecommunity.orchestration.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * An application with the starter and a {@link MeterRegistry}: the breaker's Resilience4j meters are bound with
 * only the Resilience4j modules the starter brings (circuit breaker, core, micrometer).
 */
@SpringBootTest(classes = StarterBreakerMetersTests.App.class,
        properties = { "formance.orchestration.base-url=http://127.0.0.1:9",
                "formance.orchestration.auth.token=starter-token" })
class StarterBreakerMetersTests {

    @Autowired
    MeterRegistry meters;

    @Test
    void theBreakersMetersAreBound() {
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "formance-orchestration").meters())
                .isNotEmpty();
        assertThat(meters.find("resilience4j.circuitbreaker.calls").tag("name", "formance-orchestration").meters())
                .isNotEmpty();
    }

    @Test
    void bringsNoResilience4jModuleItDoesNotUse() {
        assertThat(ClassUtils.isPresent("io.github.resilience4j.bulkhead.Bulkhead", null)).isFalse();
        assertThat(ClassUtils.isPresent("io.github.resilience4j.retry.Retry", null)).isFalse();
        assertThat(ClassUtils.isPresent("io.github.resilience4j.ratelimiter.RateLimiter", null)).isFalse();
        assertThat(ClassUtils.isPresent("io.github.resilience4j.timelimiter.TimeLimiter", null)).isFalse();
    }

    @SpringBootApplication
    static class App {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
