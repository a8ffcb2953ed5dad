package io.github.formancecommunity.orchestration.test.spring;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Starts the embedded server for one application context, registers it as a bean and stops it when the context
 * closes. With the starter on the class path, the client reaches the server through an
 * {@code OrchestrationConnectionDetails} bean (the service-connection pattern), so the application's own
 * {@code formance.orchestration.*} properties stay untouched; without it, the {@code formance.orchestration.*}
 * properties are added first in the environment. Equal settings give equal customizers, so the TestContext cache
 * shares such contexts.
 */
final class EmbeddedOrchestrationContextCustomizer implements ContextCustomizer {

    /** The name of the property source and the prefix of every property it holds. */
    static final String PROPERTY_SOURCE = "embeddedOrchestration";
    /** The bean name of the server. */
    static final String BEAN_NAME = "embeddedOrchestrationServer";
    /** The bean name of the connection details pointing at the server. */
    static final String CONNECTION_DETAILS_BEAN_NAME = "embeddedOrchestrationConnectionDetails";

    private static final String CONNECTION_DETAILS =
            "io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails";

    private final Settings settings;

    EmbeddedOrchestrationContextCustomizer(Settings settings) {
        this.settings = settings;
    }

    /** The annotation's values, compared by value. */
    record Settings(String pathPrefix, boolean auth, String clientId, String clientSecret, Duration tokenTtl,
            Duration maxDelay) {

        static Settings of(AutoConfigureEmbeddedOrchestration annotation) {
            return new Settings(annotation.pathPrefix(), annotation.auth(), annotation.clientId(),
                    annotation.clientSecret(), duration(annotation.tokenTtl(), "tokenTtl"),
                    annotation.maxDelay().isEmpty() ? null : duration(annotation.maxDelay(), "maxDelay"));
        }

        private static Duration duration(String value, String attribute) {
            try {
                return Duration.parse(value);
            }
            catch (DateTimeParseException ex) {
                throw new IllegalStateException("@AutoConfigureEmbeddedOrchestration(" + attribute + " = \"" + value
                        + "\") is not an ISO-8601 duration such as PT1H", ex);
            }
        }

        @Override
        public String toString() {
            return "Settings[pathPrefix=" + pathPrefix + ", auth=" + auth + ", clientId=" + clientId
                    + ", tokenTtl=" + tokenTtl + ", maxDelay=" + maxDelay + "]";
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        EmbeddedOrchestrationServer.Builder builder = EmbeddedOrchestrationServer.builder()
                .pathPrefix(settings.pathPrefix())
                .tokenTtl(settings.tokenTtl());
        if (settings.auth()) {
            builder.client(settings.clientId(), settings.clientSecret());
        }
        if (settings.maxDelay() != null) {
            builder.maxDelay(settings.maxDelay());
        }
        EmbeddedOrchestrationServer server = builder.start();
        context.getBeanFactory().registerSingleton(BEAN_NAME, server);
        context.addApplicationListener(new StopOnClose(context, server));
        if (ClassUtils.isPresent(CONNECTION_DETAILS, context.getClassLoader())) {
            context.getBeanFactory().registerSingleton(CONNECTION_DETAILS_BEAN_NAME,
                    new EmbeddedOrchestrationConnectionDetails(server, settings.auth(), settings.clientId(),
                            settings.clientSecret()));
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("formance.orchestration.base-url", server.baseUrl());
        properties.put("formance.orchestration.path-prefix", server.pathPrefix());
        if (settings.auth()) {
            properties.put("formance.orchestration.auth.client-id", settings.clientId());
            properties.put("formance.orchestration.auth.client-secret", settings.clientSecret());
            properties.put("formance.orchestration.auth.token-url", server.tokenUrl());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddedOrchestrationContextCustomizer customizer
                && settings.equals(customizer.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    /** Stops the server when its own context (not a child or parent) closes. */
    private record StopOnClose(ConfigurableApplicationContext context, EmbeddedOrchestrationServer server)
            implements ApplicationListener<ContextClosedEvent> {

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            if (event.getApplicationContext() == context) {
                server.close();
            }
        }
    }
}
