/**
 * One Micrometer observation per call, its convention and the request timer {@code
 * formance.orchestration.client.requests} made from it; needs {@code micrometer-observation} (and {@code
 * micrometer-core} for a meter registry without an observation registry).
 */
@NullMarked
package io.github.formancecommunity.orchestration.client.observation;

import org.jspecify.annotations.NullMarked;
