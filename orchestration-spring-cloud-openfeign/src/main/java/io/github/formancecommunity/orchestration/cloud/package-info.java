/**
 * The Spring Cloud OpenFeign integration: the Orchestration client as the Spring Cloud OpenFeign client
 * {@code formance-orchestration}, with per-client configuration and {@code lb://} service ids.
 */
@NullMarked
package io.github.formancecommunity.orchestration.cloud;

import org.jspecify.annotations.NullMarked;
