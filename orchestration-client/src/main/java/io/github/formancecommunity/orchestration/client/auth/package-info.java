/**
 * OAuth2 client-credentials tokens for the client: one per scope, cached, fetched once for concurrent callers.
 */
@NullMarked
package io.github.formancecommunity.orchestration.client.auth;

import org.jspecify.annotations.NullMarked;
