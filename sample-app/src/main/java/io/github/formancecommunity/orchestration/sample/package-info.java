/**
 * The sample application: a tour of the 17 operations of the Orchestration V1 API through the starter, with a
 * report of every call, the request timers and the circuit breaker's state.
 */
@NullMarked
package io.github.formancecommunity.orchestration.sample;

import org.jspecify.annotations.NullMarked;
