/**
 * Spring test support: {@code @AutoConfigureEmbeddedOrchestration} starts the embedded server and contributes
 * connection details pointing at it.
 */
@NullMarked
package io.github.formancecommunity.orchestration.test.spring;

import org.jspecify.annotations.NullMarked;
