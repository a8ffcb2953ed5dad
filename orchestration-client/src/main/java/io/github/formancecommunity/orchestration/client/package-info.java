/**
 * The Formance Orchestration V1 client: the {@link
 * io.github.formancecommunity.orchestration.client.OrchestrationV1} interface, its implementation built with
 * {@link io.github.formancecommunity.orchestration.client.OrchestrationV1Client#builder()}, the call interceptor
 * SPI and the exceptions.
 */
@NullMarked
package io.github.formancecommunity.orchestration.client;

import org.jspecify.annotations.NullMarked;
