package io.github.formancecommunity.orchestration.autoconfigure.auth;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;

/** Which authentication the {@code formance.orchestration.auth.*} properties ask for. Blank values count as unset. */
enum AuthMode {

    /** No credentials: requests carry no {@code Authorization} header. */
    NONE,
    /** {@code auth.token} alone. */
    STATIC_TOKEN,
    /** {@code auth.client-id} and {@code auth.client-secret}, without {@code auth.token}. */
    CLIENT_CREDENTIALS,
    /** A mix the property validation rejects; no token source is registered. */
    INVALID;

    private static final String AUTH = OrchestrationProperties.PREFIX + ".auth.";

    static AuthMode of(Environment environment) {
        boolean token = StringUtils.hasText(environment.getProperty(AUTH + "token"));
        boolean clientId = StringUtils.hasText(environment.getProperty(AUTH + "client-id"));
        boolean clientSecret = StringUtils.hasText(environment.getProperty(AUTH + "client-secret"));
        if (token) {
            return clientId || clientSecret ? INVALID : STATIC_TOKEN;
        }
        if (clientId || clientSecret) {
            return clientId && clientSecret ? CLIENT_CREDENTIALS : INVALID;
        }
        return NONE;
    }
}
