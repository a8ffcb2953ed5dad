package io.github.formancecommunity.orchestration.client.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * A token as the token endpoint issued it.
 *
 * @param value    the access token
 * @param lifetime {@code expires_in}, or {@code null} when the endpoint did not say
 */
record AccessToken(String value, Duration lifetime) {

    AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[value=****, lifetime=" + lifetime + "]";
    }
}
