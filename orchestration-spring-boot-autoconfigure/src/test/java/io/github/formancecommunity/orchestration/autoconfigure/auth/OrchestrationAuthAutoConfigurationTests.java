package io.github.formancecommunity.orchestration.autoconfigure.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.formancecommunity.orchestration.client.auth.ClientCredentialsTokenSource;
import io.github.formancecommunity.orchestration.client.auth.MutableClock;

class OrchestrationAuthAutoConfigurationTests {

    private static final String P = "formance.orchestration.";

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class,
                    OrchestrationAuthAutoConfiguration.class));

    @Test
    void noCredentialsNoTokenSource() {
        runner.withPropertyValues(P + "auth.token= ", P + "auth.client-id=", P + "auth.client-secret=")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BearerTokenSource.class);
                    assertThat(context.getBean(OrchestrationV1.class).toString()).endsWith("auth=none]");
                });
    }

    @Test
    void aStaticTokenIsUsedAsIs() {
        runner.withPropertyValues(P + "auth.token=  static-tok-value \n").run(context -> {
            BearerTokenSource source = context.getBean(BearerTokenSource.class);
            assertThat(source.token("orchestration:read")).isEqualTo("static-tok-value");
            assertThat(source.token("orchestration:write")).isEqualTo("static-tok-value");
            assertThat(source.isRefreshable()).isFalse();
            assertThat(source.toString()).doesNotContain("static-tok-value");
            assertThat(context.getBean(OrchestrationV1.class).toString()).endsWith("auth=static]");
        });
    }

    @Test
    void clientCredentialsUseTheDefaultTokenUrlOfTheStack() {
        runner.withPropertyValues(P + "base-url=https://org-stack.eu.sandbox.formance.cloud/",
                P + "auth.client-id=my-app", P + "auth.client-secret=cs-value-hidden").run(context -> {
                    BearerTokenSource source = context.getBean(BearerTokenSource.class);
                    assertThat(source).isInstanceOf(ClientCredentialsTokenSource.class);
                    assertThat(source.isRefreshable()).isTrue();
                    assertThat(source).hasToString("ClientCredentialsTokenSource[tokenUrl="
                            + "https://org-stack.eu.sandbox.formance.cloud/api/auth/oauth/token, clientId=my-app, "
                            + "clientSecret=****]");
                    assertThat(context.getBean(OrchestrationV1.class).toString()).endsWith("auth=refreshable]");
                });
    }

    @Test
    void anAbsoluteTokenUrlIsKept() {
        runner.withPropertyValues(P + "base-url=https://stack.example.com", P + "auth.client-id=my-app",
                P + "auth.client-secret=cs", P + "auth.token-url=https://auth.example.com/oauth/token")
                .run(context -> assertThat(context.getBean(BearerTokenSource.class).toString())
                        .contains("tokenUrl=https://auth.example.com/oauth/token,"));
    }

    @Test
    void theApplicationsTokenSourceWins() {
        BearerTokenSource own = scope -> "own";
        runner.withBean("ownTokenSource", BearerTokenSource.class, () -> own)
                .withPropertyValues(P + "auth.client-id=my-app", P + "auth.client-secret=cs")
                .run(context -> assertThat(context).getBean(BearerTokenSource.class).isSameAs(own));
        runner.withBean("ownTokenSource", BearerTokenSource.class, () -> own)
                .withPropertyValues(P + "auth.token=tok")
                .run(context -> assertThat(context).getBean(BearerTokenSource.class).isSameAs(own));
    }

    @Test
    void disabledRegistersNoTokenSource() {
        runner.withPropertyValues(P + "enabled=false", P + "auth.token=tok")
                .run(context -> assertThat(context).doesNotHaveBean(BearerTokenSource.class));
    }

    @Test
    void anApplicationClockBeanWithAnotherNameIsNotUsed() {
        MutableClock clock = new MutableClock();
        runner.withBean("applicationClock", Clock.class, () -> clock)
                .withPropertyValues(P + "base-url=" + wm.baseUrl(), P + "auth.client-id=my-app",
                        P + "auth.client-secret=cs")
                .run(context -> {
                    wm.stubFor(post("/api/auth/oauth/token")
                            .willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":60}")));
                    wm.stubFor(get("/api/orchestration/workflows").willReturn(okJson("{\"data\":[]}")));
                    OrchestrationV1 client = context.getBean(OrchestrationV1.class);
                    client.listWorkflows();
                    clock.advance(java.time.Duration.ofDays(1));
                    client.listWorkflows();
                    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/auth/oauth/token")));
                });
    }

    @Test
    void nothingTouchesTheNetworkUntilTheFirstCall() {
        wm.stubFor(post("/api/auth/oauth/token").willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":60}")));
        wm.stubFor(get("/api/orchestration/workflows").willReturn(okJson("{\"data\":[]}")));
        runner.withPropertyValues(P + "base-url=" + wm.baseUrl(), P + "auth.client-id=my-app",
                P + "auth.client-secret=cs").run(context -> {
                    assertThat(context).hasNotFailed();
                    wm.verify(0, anyRequestedFor(anyUrl()));

                    context.getBean(OrchestrationV1.class).listWorkflows();

                    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/auth/oauth/token")));
                    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/orchestration/workflows")));
                });
    }

    @Test
    void worksWithAndWithoutAMeterRegistry() {
        wm.stubFor(get("/api/orchestration/workflows").willReturn(okJson("{\"data\":[]}")));
        runner.withPropertyValues(P + "base-url=" + wm.baseUrl()).run(context -> {
            assertThat(context).doesNotHaveBean(MeterRegistry.class);
            assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
        });
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(P + "base-url=" + wm.baseUrl()).run(context -> {
                    assertThat(context).hasSingleBean(MeterRegistry.class);
                    assertThat(context.getBean(OrchestrationV1.class).listWorkflows()).isEmpty();
                });
    }
}
