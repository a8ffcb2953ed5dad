/**
 * Spring Boot auto-configuration of the Orchestration client: properties, their validation, connection details and
 * the client bean.
 */
@NullMarked
package io.github.formancecommunity.orchestration.autoconfigure;

import org.jspecify.annotations.NullMarked;
