/**
 * A Resilience4j circuit breaker around every attempt, on the caller's thread; needs {@code
 * resilience4j-circuitbreaker} (and {@code resilience4j-micrometer} for its meters).
 */
@NullMarked
package io.github.formancecommunity.orchestration.client.circuitbreaker;

import org.jspecify.annotations.NullMarked;
