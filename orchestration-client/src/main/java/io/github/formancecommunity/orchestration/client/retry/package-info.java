/**
 * Retries of idempotent operations with back-off and {@code Retry-After}, on the caller's thread.
 */
@NullMarked
package io.github.formancecommunity.orchestration.client.retry;

import org.jspecify.annotations.NullMarked;
