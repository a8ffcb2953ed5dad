/**
 * TLS material for the embedded server and its clients: a throw-away certificate authority, key material it
 * issues, and the HTTPS set-up of the embedded server with optional mutual TLS.
 */
@NullMarked
package io.github.formancecommunity.orchestration.test.tls;

import org.jspecify.annotations.NullMarked;
