package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationProxy;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * {@code formance.orchestration.proxy.*} and the SSL bundle names: wrong values fail the start naming the property,
 * the proxy password never shows, valid values reach the client.
 */
class NetworkSettingsTests {

    private static final String P = "formance.orchestration.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class))
            .withPropertyValues(P + "base-url=https://stack.example", P + "initialization=lazy");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "proxy.port | must be between 1 and 65535 | proxy.host=proxy.example | proxy.port=0",
            "proxy.port | must be between 1 and 65535 | proxy.host=proxy.example | proxy.port=65536",
            "proxy.host | not supported | proxy.host=socks5://proxy.example:1080 | proxy.port=1080",
            "proxy.host | not supported | proxy.host=https://proxy.example | proxy.port=443",
            "proxy.host | must not carry credentials | proxy.host=http://user:pw@proxy.example | proxy.port=3128",
            "proxy.host | must be set when | proxy.username=user | proxy.password=pw",
            "proxy.username | must be set when proxy.password is set | proxy.host=proxy.example | proxy.password=pw" })
    void anInvalidProxySettingFailsTheStartNamingIt(String property, String reason, String first, String second) {
        runner.withPropertyValues(P + first, P + second).run(context -> {
            InvalidOrchestrationPropertyException error = Failures.invalidProperty(context);
            assertThat(error.violations()).containsKey(P + property);
            assertThat(error.violations().get(P + property)).contains(reason);
            assertThat(Failures.stackTrace(context.getStartupFailure())).doesNotContain(":pw@", "=pw");
        });
    }

    @Test
    void anUnknownBundleFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(P + "ssl.bundle=corp-ca").run(context -> {
            InvalidOrchestrationPropertyException error = Failures.invalidProperty(context);
            assertThat(error.violations()).containsKey(P + "ssl.bundle");
            assertThat(error.violations().get(P + "ssl.bundle")).contains("'corp-ca'", "spring.ssl.bundle.pem.corp-ca");
        });
    }

    @Test
    void anUnknownTokenBundleFailsTheStartNamingItsProperty() {
        runner.withPropertyValues(P + "auth.client-id=app", P + "auth.client-secret=s3cret",
                P + "auth.ssl.bundle=token-ca").run(context -> {
                    InvalidOrchestrationPropertyException error = Failures.invalidProperty(context);
                    assertThat(error.violations()).containsKey(P + "auth.ssl.bundle");
                });
    }

    @Test
    void theProxySettingsReachTheClientWithoutThePassword() {
        runner.withPropertyValues(P + "proxy.host=http://proxy.example:3128", P + "proxy.username=svc",
                P + "proxy.password=pr0xy-pw", P + "proxy.non-proxy-hosts=*.internal.example,localhost")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OrchestrationProperties properties = context.getBean(OrchestrationProperties.class);
                    OrchestrationProxy proxy = NetworkSettings.proxy(properties);
                    assertThat(proxy.host()).isEqualTo("proxy.example");
                    assertThat(proxy.port()).isEqualTo(3128);
                    assertThat(proxy.bypasses("api.internal.example")).isTrue();
                    assertThat(proxy.credentials().getPassword()).containsExactly("pr0xy-pw".toCharArray());
                    assertThat(properties.toString()).doesNotContain("pr0xy-pw");
                    assertThat(proxy.toString()).doesNotContain("pr0xy-pw");
                    assertThat(context.getBean(OrchestrationV1Client.class).toString()).doesNotContain("pr0xy-pw");
                });
    }

    @Test
    void withoutProxyHostTheJvmSettingsApply() {
        runner.run(context -> assertThat(NetworkSettings.proxy(context.getBean(OrchestrationProperties.class)))
                .isNull());
    }
}
