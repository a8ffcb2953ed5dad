/**
 * An in-memory Orchestration V1 server on loopback for tests.
 */
@NullMarked
package io.github.formancecommunity.orchestration.test;

import org.jspecify.annotations.NullMarked;
