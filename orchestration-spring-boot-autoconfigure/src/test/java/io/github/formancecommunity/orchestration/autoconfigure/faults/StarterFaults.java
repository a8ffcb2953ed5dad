package io.github.formancecommunity.orchestration.autoconfigure.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationRetryAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;

/** Shared settings of the starter-level fault suite. */
final class StarterFaults {

    /** The OAuth2 client id. */
    static final String CLIENT_ID = "fault-suite-client";

    /** A client secret recognisable anywhere it might leak. */
    static final String SECRET = "sec-FAULTSUITE-3b8e51f0a9c2";

    /** The path of the token endpoint on the WireMock stack. */
    static final String TOKEN_PATH = "/oauth/token";

    /** The exception types a call may end with, as documented. */
    static final Set<Class<?>> DOCUMENTED = Set.of(OrchestrationApiException.class,
            OrchestrationResponseException.class, OrchestrationTransportException.class,
            OrchestrationTimeoutException.class, OrchestrationAuthenticationException.class,
            OrchestrationCircuitOpenException.class);

    private StarterFaults() {
    }

    /**
     * The starter's client, token source, retries and circuit breaker against {@code baseUrl} (no path prefix),
     * with OAuth2 client credentials from {@value #TOKEN_PATH} there, fast back-off and time-outs generous enough
     * for a busy build machine.
     */
    static ApplicationContextRunner runner(String baseUrl) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class,
                        OrchestrationAuthAutoConfiguration.class, OrchestrationRetryAutoConfiguration.class,
                        OrchestrationCircuitBreakerAutoConfiguration.class))
                .withBean(AttemptCounter.class, AttemptCounter::new)
                .withPropertyValues(
                        "formance.orchestration.base-url=" + baseUrl,
                        "formance.orchestration.path-prefix=",
                        "formance.orchestration.auth.client-id=" + CLIENT_ID,
                        "formance.orchestration.auth.client-secret=" + SECRET,
                        "formance.orchestration.auth.token-url=" + TOKEN_PATH,
                        "formance.orchestration.connect-timeout=2s",
                        "formance.orchestration.read-timeout=5s",
                        "formance.orchestration.retry.max-attempts=3",
                        "formance.orchestration.retry.initial-backoff=1ms",
                        "formance.orchestration.retry.max-backoff=10ms");
    }

    /** Asserts that no token or secret shows in the message, {@code toString()} or printed stack trace. */
    static void assertNoSecrets(Throwable thrown, String... secrets) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(thrown.getMessage()).isNotBlank();
        assertThat(thrown.getMessage().length()).isLessThanOrEqualTo(2_000);
        for (String secret : secrets) {
            assertThat(trace.toString()).doesNotContain(secret);
            assertThat(thrown.toString()).doesNotContain(secret);
        }
        assertThat(trace.toString()).doesNotContain(SECRET);
    }
}
