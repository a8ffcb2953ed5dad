/**
 * Maps {@code formance.orchestration.auth.*} onto the client's token sources.
 */
@NullMarked
package io.github.formancecommunity.orchestration.autoconfigure.auth;

import org.jspecify.annotations.NullMarked;
