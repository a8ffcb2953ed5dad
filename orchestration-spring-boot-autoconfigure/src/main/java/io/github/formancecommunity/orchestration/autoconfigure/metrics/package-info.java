/**
 * Maps the application's observation and meter registries onto the client's observation interceptor.
 */
@NullMarked
package io.github.formancecommunity.orchestration.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
