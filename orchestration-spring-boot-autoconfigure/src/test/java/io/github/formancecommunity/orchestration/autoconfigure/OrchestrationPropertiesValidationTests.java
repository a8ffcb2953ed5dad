package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;

class OrchestrationPropertiesValidationTests {

    private static final String P = "formance.orchestration.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class));

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("base-url", "must be an absolute http or https URL", new String[] {"base-url=ftp://stack.example.com"}),
                Arguments.of("base-url", "must be an absolute http or https URL", new String[] {"base-url=not a url"}),
                Arguments.of("base-url", "must be an absolute http or https URL", new String[] {"base-url=localhost:8080"}),
                Arguments.of("base-url", "must be an absolute http or https URL", new String[] {"base-url=/api"}),
                Arguments.of("base-url", "must be an absolute http or https URL", new String[] {"base-url=https://"}),
                Arguments.of("base-url", "must not be blank", new String[] {"base-url= "}),
                Arguments.of("base-url", "must not contain user credentials, a query or a fragment",
                        new String[] {"base-url=https://stack.example.com?org=1"}),
                Arguments.of("base-url", "must not contain user credentials, a query or a fragment",
                        new String[] {"base-url=https://stack.example.com/#top"}),
                Arguments.of("path-prefix", "must be a path", new String[] {"path-prefix=/api?x=1"}),
                Arguments.of("path-prefix", "must be a path", new String[] {"path-prefix=/api orchestration"}),
                Arguments.of("connect-timeout", "must be a positive duration", new String[] {"connect-timeout=0s"}),
                Arguments.of("connect-timeout", "must be a positive duration", new String[] {"connect-timeout=-1s"}),
                Arguments.of("read-timeout", "must be a positive duration", new String[] {"read-timeout=0ms"}),
                Arguments.of("read-timeout", "must be a positive duration", new String[] {"read-timeout=-5s"}),
                Arguments.of("run-wait-timeout", "must be a positive duration", new String[] {"run-wait-timeout=0"}),
                Arguments.of("max-connections", "must be at least 1 (got 0)", new String[] {"max-connections=0"}),
                Arguments.of("max-connections", "must be at least 1 (got -3)", new String[] {"max-connections=-3"}),
                Arguments.of("auth.client-secret", "must be set when auth.client-id is set",
                        new String[] {"auth.client-id=app"}),
                Arguments.of("auth.client-id", "must be set when auth.client-secret is set",
                        new String[] {"auth.client-secret=topsecret"}),
                Arguments.of("auth.token", "are both set; set only one of them",
                        new String[] {"auth.token=tok", "auth.client-id=app", "auth.client-secret=topsecret"}),
                Arguments.of("auth.token", "are both set; set only one of them",
                        new String[] {"auth.token=tok", "auth.client-secret=topsecret"}),
                Arguments.of("auth.token-url", "must be an absolute http or https URL, or a path",
                        new String[] {"auth.client-id=app", "auth.client-secret=topsecret", "auth.token-url=ftp://x/token"}),
                Arguments.of("auth.token-url", "must be an absolute http or https URL, or a path",
                        new String[] {"auth.client-id=app", "auth.client-secret=topsecret", "auth.token-url=//other-host/token"}),
                Arguments.of("auth.token-url", "must be set when client credentials are used",
                        new String[] {"auth.client-id=app", "auth.client-secret=topsecret", "auth.token-url= "}),
                Arguments.of("auth.refresh-before-expiry", "must be zero or a positive duration",
                        new String[] {"auth.refresh-before-expiry=-1s"}),
                Arguments.of("retry.max-attempts", "must be at least 1", new String[] {"retry.max-attempts=0"}),
                Arguments.of("retry.initial-backoff", "must be zero or a positive duration",
                        new String[] {"retry.initial-backoff=-1ms"}),
                Arguments.of("retry.max-backoff", "must be zero or a positive duration",
                        new String[] {"retry.max-backoff=-2s"}),
                Arguments.of("retry.multiplier", "must be a number of at least 1",
                        new String[] {"retry.multiplier=0.5"}),
                Arguments.of("retry.multiplier", "must be a number of at least 1", new String[] {"retry.multiplier=NaN"}),
                Arguments.of("circuit-breaker.failure-rate-threshold", "greater than 0 and at most 100",
                        new String[] {"circuit-breaker.failure-rate-threshold=0"}),
                Arguments.of("circuit-breaker.failure-rate-threshold", "greater than 0 and at most 100",
                        new String[] {"circuit-breaker.failure-rate-threshold=100.5"}),
                Arguments.of("circuit-breaker.failure-rate-threshold", "greater than 0 and at most 100",
                        new String[] {"circuit-breaker.failure-rate-threshold=-10"}),
                Arguments.of("circuit-breaker.minimum-number-of-calls", "must be at least 1",
                        new String[] {"circuit-breaker.minimum-number-of-calls=0"}),
                Arguments.of("circuit-breaker.sliding-window-size", "must be at least 1",
                        new String[] {"circuit-breaker.sliding-window-size=0"}),
                Arguments.of("circuit-breaker.wait-duration-in-open-state", "must be a positive duration",
                        new String[] {"circuit-breaker.wait-duration-in-open-state=0s"}),
                Arguments.of("circuit-breaker.name", "must not be empty", new String[] {"circuit-breaker.name= "}),
                Arguments.of("health.timeout", "must be a positive duration", new String[] {"health.timeout=0s"}));
    }

    @ParameterizedTest(name = "{2} -> {0}")
    @MethodSource("invalidValues")
    void startFailsNamingTheProperty(String property, String reason, String[] values) {
        runner.withPropertyValues(prefixed(values)).run(context -> {
            assertThat(context).hasFailed();
            InvalidOrchestrationPropertyException failure = Failures.invalidProperty(context);
            assertThat(failure.property()).isEqualTo(P + property);
            assertThat(failure.violations()).containsOnlyKeys(P + property);
            assertThat(failure.getMessage()).contains("'" + P + property + "'").contains(reason);
            assertThat(Failures.stackTrace(context.getStartupFailure())).doesNotContain("topsecret");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"circuit-breaker.failure-rate-threshold=100", "circuit-breaker.failure-rate-threshold=0.5",
            "retry.multiplier=1", "retry.max-attempts=1", "retry.initial-backoff=0", "retry.max-backoff=200ms",
            "auth.refresh-before-expiry=0", "max-connections=1", "connect-timeout=1ms", "path-prefix=",
            "path-prefix=/", "base-url=https://stack.example.com/some/path/", "base-url=HTTP://127.0.0.1:8080",
            "auth.token= ", "auth.client-id= ", "logging.level="})
    void acceptsBoundaryValues(String value) {
        runner.withPropertyValues(P + value).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aTokenUrlIsOnlyCheckedWhenClientCredentialsAreUsed() {
        runner.withPropertyValues(P + "auth.token-url=ftp://ignored")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void credentialsInTheBaseUrlAreRejectedWithoutBeingShown() {
        runner.withPropertyValues(P + "base-url=https://admin:hunter2@stack.example.com").run(context -> {
            InvalidOrchestrationPropertyException failure = Failures.invalidProperty(context);
            assertThat(failure.property()).isEqualTo(P + "base-url");
            assertThat(failure.getMessage()).contains("https://****@stack.example.com");
            assertThat(Failures.stackTrace(context.getStartupFailure())).doesNotContain("hunter2");
        });
    }

    @Test
    void aStaticTokenAndClientCredentialsAreRejectedWithoutShowingEither() {
        runner.withPropertyValues(P + "auth.token=tok-AAAA", P + "auth.client-id=app",
                P + "auth.client-secret=sec-BBBB").run(context -> {
                    String trace = Failures.stackTrace(context.getStartupFailure());
                    assertThat(trace).contains(P + "auth.token").doesNotContain("tok-AAAA").doesNotContain("sec-BBBB");
                });
    }

    @Test
    void everyInvalidPropertyIsListedAtOnce() {
        runner.withPropertyValues(P + "base-url=ftp://x", P + "read-timeout=0s", P + "retry.max-attempts=0")
                .run(context -> {
                    InvalidOrchestrationPropertyException failure = Failures.invalidProperty(context);
                    assertThat(failure.violations()).containsOnlyKeys(P + "base-url", P + "read-timeout",
                            P + "retry.max-attempts");
                    assertThat(failure.getMessage()).startsWith("Invalid configuration properties:")
                            .contains("'" + P + "base-url'", "'" + P + "read-timeout'", "'" + P + "retry.max-attempts'");
                });
    }

    @Test
    void propertiesAreValidatedEvenWhenTheApplicationProvidesTheBeans() {
        runner.withBean(OrchestrationV1.class, () -> mock(OrchestrationV1.class))
                .withBean(BearerTokenSource.class, () -> scope -> "own")
                .withPropertyValues(P + "connect-timeout=0s")
                .run(context -> assertThat(Failures.invalidProperty(context).property())
                        .isEqualTo(P + "connect-timeout"));
    }

    @Test
    void aRelaxedNameIsReportedByItsCanonicalName() {
        runner.withPropertyValues(P + "maxConnections=0")
                .run(context -> assertThat(Failures.invalidProperty(context).property())
                        .isEqualTo(P + "max-connections"));
    }

    private static String[] prefixed(String[] values) {
        return Stream.of(values).map(value -> P + value).toArray(String[]::new);
    }
}
