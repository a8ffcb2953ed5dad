/**
 * Maps {@code formance.orchestration.retry.*} and {@code circuit-breaker.*} onto the client's retry and circuit-
 * breaker interceptors.
 */
@NullMarked
package io.github.formancecommunity.orchestration.autoconfigure.resilience;

import org.jspecify.annotations.NullMarked;
