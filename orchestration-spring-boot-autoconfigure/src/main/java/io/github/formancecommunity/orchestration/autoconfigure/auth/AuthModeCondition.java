package io.github.formancecommunity.orchestration.autoconfigure.auth;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the auth properties select one {@link AuthMode}. */
abstract class AuthModeCondition extends SpringBootCondition {

    private final AuthMode expected;

    AuthModeCondition(AuthMode expected) {
        this.expected = expected;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        AuthMode actual = AuthMode.of(context.getEnvironment());
        String message = "formance.orchestration.auth.* select " + actual + ", expected " + expected;
        return actual == expected ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    /** {@code auth.token} alone is set. */
    static final class StaticToken extends AuthModeCondition {
        StaticToken() {
            super(AuthMode.STATIC_TOKEN);
        }
    }

    /** {@code auth.client-id} and {@code auth.client-secret} are set, {@code auth.token} is not. */
    static final class ClientCredentials extends AuthModeCondition {
        ClientCredentials() {
            super(AuthMode.CLIENT_CREDENTIALS);
        }
    }
}
