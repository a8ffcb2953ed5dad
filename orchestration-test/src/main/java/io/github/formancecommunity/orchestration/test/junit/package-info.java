/**
 * JUnit 5 support: {@code @EmbeddedOrchestration} starts the embedded server for a test class.
 */
@NullMarked
package io.github.formancecommunity.orchestration.test.junit;

import org.jspecify.annotations.NullMarked;
