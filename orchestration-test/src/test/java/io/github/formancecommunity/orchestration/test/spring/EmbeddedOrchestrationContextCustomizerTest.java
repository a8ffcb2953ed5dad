package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/** The customizer's life cycle and cache identity, without a Spring Boot application. */
class EmbeddedOrchestrationContextCustomizerTest {

    private final EmbeddedOrchestrationContextCustomizerFactory factory =
            new EmbeddedOrchestrationContextCustomizerFactory();

    @Test
    void startsTheServerWithTheContextAndStopsItWhenTheContextCloses() {
        ContextCustomizer customizer = factory.createContextCustomizer(Direct.class, List.of());
        EmbeddedOrchestrationServer server;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            customizer.customizeContext(context, null);
            context.refresh();
            server = context.getBean(EmbeddedOrchestrationServer.class);

            assertThat(server.isRunning()).isTrue();
            assertThat(server.pathPrefix()).isEmpty();
            assertThat(server.isAuthEnabled()).isFalse();
            OrchestrationConnectionDetails details = context.getBean(OrchestrationConnectionDetails.class);
            assertThat(details.getBaseUrl()).isEqualTo(server.baseUrl());
            assertThat(details.getPathPrefix()).isEmpty();
            assertThat(details.getAuthentication()).isEqualTo(OrchestrationConnectionDetails.Authentication.NONE);
            assertThat(context.getEnvironment().containsProperty("formance.orchestration.base-url")).isFalse();
        }
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void equalSettingsGiveEqualCustomizersSoThatContextsAreShared() {
        assertThat(factory.createContextCustomizer(Direct.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(AlsoDirect.class, List.of()))
                .hasSameHashCodeAs(factory.createContextCustomizer(AlsoDirect.class, List.of()))
                .isNotEqualTo(factory.createContextCustomizer(Defaults.class, List.of()));
        assertThat(factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
    }

    @Test
    void inheritsTheAnnotationFromASuperclass() {
        assertThat(factory.createContextCustomizer(Inheriting.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(Defaults.class, List.of()));
    }

    @AutoConfigureEmbeddedOrchestration(pathPrefix = "", maxDelay = "PT0S")
    static class Direct {
    }

    @AutoConfigureEmbeddedOrchestration(pathPrefix = "", maxDelay = "PT0S")
    static class AlsoDirect {
    }

    @AutoConfigureEmbeddedOrchestration
    static class Defaults {
    }

    static class Inheriting extends Defaults {
    }

    static class NotAnnotated {
    }
}
