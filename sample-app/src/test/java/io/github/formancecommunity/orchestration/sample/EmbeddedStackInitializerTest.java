package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

class EmbeddedStackInitializerTest {

    @Test
    void leavesAConfiguredStackAloneEvenWhenItComesFromAnEnvironmentVariable() {
        GenericApplicationContext context = contextWith(Map.of(
                "FORMANCE_ORCHESTRATION_BASE_URL", "https://org-stack.example.test"));

        new EmbeddedStackInitializer().initialize(context);

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedStackInitializer.SERVER_BEAN)).isFalse();
        assertThat(context.getEnvironment().getPropertySources()
                .contains(EmbeddedStackInitializer.PROPERTY_SOURCE)).isFalse();
        assertThat(context.getEnvironment().getProperty("formance.orchestration.base-url"))
                .isEqualTo("https://org-stack.example.test");
    }

    @Test
    void startsTheServerWithClientCredentialsFirstInPrecedenceAndClosesItWithTheContext() {
        GenericApplicationContext context = contextWith(Map.of(
                "FORMANCE_ORCHESTRATION_BASE_URL", " ",
                "FORMANCE_ORCHESTRATION_AUTH_TOKEN", "a-token-that-would-clash"));

        new EmbeddedStackInitializer().initialize(context);
        context.refresh();
        EmbeddedOrchestrationServer server = context.getBean(EmbeddedOrchestrationServer.class);

        assertThat(server.isRunning()).isTrue();
        assertThat(server.isAuthEnabled()).isTrue();
        assertThat(server.defaultClient()).get().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo(EmbeddedStackInitializer.CLIENT_ID);
            assertThat(context.getEnvironment().getProperty("formance.orchestration.auth.client-secret"))
                    .isEqualTo(client.clientSecret());
        });
        assertThat(context.getEnvironment().getProperty("formance.orchestration.base-url"))
                .isEqualTo(server.baseUrl());
        assertThat(context.getEnvironment().getProperty("formance.orchestration.path-prefix"))
                .isEqualTo(server.pathPrefix());
        assertThat(context.getEnvironment().getProperty("formance.orchestration.auth.client-id"))
                .isEqualTo(EmbeddedStackInitializer.CLIENT_ID);
        assertThat(context.getEnvironment().getProperty("formance.orchestration.auth.token")).isEmpty();

        context.close();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void makesANewSecretForEachRun() {
        GenericApplicationContext first = contextWith(Map.of());
        GenericApplicationContext second = contextWith(Map.of());
        new EmbeddedStackInitializer().initialize(first);
        new EmbeddedStackInitializer().initialize(second);
        try {
            assertThat(first.getEnvironment().getProperty("formance.orchestration.auth.client-secret"))
                    .isNotEqualTo(second.getEnvironment().getProperty("formance.orchestration.auth.client-secret"));
        }
        finally {
            first.refresh();
            first.close();
            second.refresh();
            second.close();
        }
    }

    private static GenericApplicationContext contextWith(Map<String, Object> variables) {
        StandardEnvironment environment = KeepRunningFlagTest.environmentWith(variables);
        ConfigurationPropertySources.attach(environment);
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        return context;
    }
}
