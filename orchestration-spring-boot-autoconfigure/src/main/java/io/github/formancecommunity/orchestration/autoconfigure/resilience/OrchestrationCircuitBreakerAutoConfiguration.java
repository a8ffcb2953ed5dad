package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationInterceptorOrder;
import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.circuitbreaker.CircuitBreakerFactory;
import io.github.formancecommunity.orchestration.client.circuitbreaker.CircuitBreakerMeters;
import io.github.formancecommunity.orchestration.client.circuitbreaker.CircuitBreakerThresholds;
import io.github.formancecommunity.orchestration.client.circuitbreaker.OrchestrationCircuitBreakerInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Guards the Orchestration client with a Resilience4j circuit breaker (see
 * {@link OrchestrationCircuitBreakerInterceptor}). The breaker, named by
 * {@code formance.orchestration.circuit-breaker.name}, comes from the application's {@link CircuitBreakerRegistry}
 * when there is one, so {@code resilience4j.circuitbreaker.instances.<name>.*} configures it; it is also a bean
 * named {@value #CIRCUIT_BREAKER_BEAN_NAME}, and its Resilience4j meters are bound when a {@link MeterRegistry}
 * exists. Off with {@code formance.orchestration.circuit-breaker.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(CircuitBreaker.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".circuit-breaker.enabled",
        matchIfMissing = true)
@EnableConfigurationProperties(OrchestrationProperties.class)
public final class OrchestrationCircuitBreakerAutoConfiguration {

    /** Name of the {@link CircuitBreaker} bean guarding the Orchestration client. */
    public static final String CIRCUIT_BREAKER_BEAN_NAME = "orchestrationCircuitBreaker";

    /**
     * The breaker, from the application's registry when there is exactly one, otherwise stand-alone. Created when
     * first needed (by the first call, the client's warm-up, the breaker's meters or an injection point), so that
     * Resilience4j stays out of the start-up of an application that has none of these. It is not a
     * default autowiring candidate, so that an application's own single {@code CircuitBreaker} bean stays
     * injectable by type; inject this one with {@code @Qualifier("orchestrationCircuitBreaker")}.
     *
     * @param properties the starter's properties
     * @param registries the application's registry, if any
     * @return the breaker
     */
    @Bean(name = CIRCUIT_BREAKER_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = CIRCUIT_BREAKER_BEAN_NAME)
    @Lazy
    CircuitBreaker orchestrationCircuitBreaker(OrchestrationProperties properties,
            ObjectProvider<CircuitBreakerRegistry> registries) {
        OrchestrationProperties.CircuitBreaker breaker = properties.getCircuitBreaker();
        return CircuitBreakerFactory.create(breaker.getName(), new CircuitBreakerThresholds(
                breaker.getFailureRateThreshold(), breaker.getSlidingWindowSize(), breaker.getMinimumNumberOfCalls(),
                breaker.getWaitDurationInOpenState()), registries.getIfUnique());
    }

    /**
     * The interceptor reporting every attempt to the breaker, which it looks up on the first call or when the
     * client is warmed up (see {@code formance.orchestration.initialization}).
     *
     * @param circuitBreaker the breaker
     * @return the interceptor, ordered {@link OrchestrationInterceptorOrder#CIRCUIT_BREAKER}
     */
    @Bean
    @ConditionalOnMissingBean(OrchestrationCircuitBreakerInterceptor.class)
    @Order(OrchestrationInterceptorOrder.CIRCUIT_BREAKER)
    OrchestrationCircuitBreakerInterceptor orchestrationCircuitBreakerInterceptor(
            @Qualifier(CIRCUIT_BREAKER_BEAN_NAME) ObjectProvider<CircuitBreaker> circuitBreaker) {
        return new OrchestrationCircuitBreakerInterceptor(circuitBreaker::getObject);
    }

    /** Binds the breaker's Resilience4j meters when Micrometer, resilience4j-micrometer and a registry exist. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ MeterRegistry.class, TaggedCircuitBreakerMetricsPublisher.class })
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
    static class CircuitBreakerMetersConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "orchestrationCircuitBreakerMeters")
        CircuitBreakerMeters orchestrationCircuitBreakerMeters(
                @Qualifier(CIRCUIT_BREAKER_BEAN_NAME) CircuitBreaker circuitBreaker, MeterRegistry meterRegistry) {
            return new CircuitBreakerMeters(circuitBreaker, meterRegistry);
        }
    }
}
