/**
 * The {@code orchestration} health contributor.
 */
@NullMarked
package io.github.formancecommunity.orchestration.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
