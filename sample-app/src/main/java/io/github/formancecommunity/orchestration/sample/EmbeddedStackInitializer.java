package io.github.formancecommunity.orchestration.sample;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Starts the embedded Orchestration server when the environment names no Formance Stack
 * ({@code formance.orchestration.base-url} unset or blank in {@code application.yml}, the environment
 * ({@code FORMANCE_ORCHESTRATION_BASE_URL}), system properties and arguments), and points the starter at it.
 *
 * <p>It runs before any bean exists: it adds a property source, first in precedence, with the server's
 * {@code base-url}, {@code path-prefix} and OAuth2 client credentials (a secret made for this run), so the starter's
 * client authenticates as it would against a real stack. The server is registered as the bean
 * {@value #SERVER_BEAN} and closed with the context, or when the context fails to start.
 */
final class EmbeddedStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the property source that points the starter at the embedded server. */
    static final String PROPERTY_SOURCE = "sampleEmbeddedOrchestration";
    /** Bean name of the embedded server. */
    static final String SERVER_BEAN = "embeddedOrchestrationServer";
    /** The OAuth2 client id the sample uses against the embedded server. */
    static final String CLIENT_ID = "sample-app";

    private static final String BASE_URL = "formance.orchestration.base-url";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStackInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String baseUrl = environment.getProperty(BASE_URL);
        if (baseUrl != null && !baseUrl.isBlank()) {
            LOG.info("{} is set: the sample talks to {}", BASE_URL, baseUrl.strip());
            return;
        }
        String secret = newSecret();
        EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder().client(CLIENT_ID, secret).start();
        try {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(server,
                    secret)));
            register(context, server);
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        LOG.info("No {} set: started the embedded Orchestration server on {} (OAuth2 client '{}')", BASE_URL,
                server.apiUrl(), CLIENT_ID);
    }

    private static Map<String, Object> properties(EmbeddedOrchestrationServer server, String secret) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(BASE_URL, server.baseUrl());
        properties.put("formance.orchestration.path-prefix", server.pathPrefix());
        properties.put("formance.orchestration.auth.client-id", CLIENT_ID);
        properties.put("formance.orchestration.auth.client-secret", secret);
        properties.put("formance.orchestration.auth.token-url", server.tokenUrl());
        // A static token from the environment (FORMANCE_ORCHESTRATION_AUTH_TOKEN) would clash with the client
        // credentials; a blank value counts as unset.
        properties.put("formance.orchestration.auth.token", "");
        return properties;
    }

    private static void register(ConfigurableApplicationContext context, EmbeddedOrchestrationServer server) {
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(SERVER_BEAN, server);
        if (beanFactory instanceof DefaultListableBeanFactory registry) {
            // Also closes the server when the context fails to start (the context then destroys its singletons).
            registry.registerDisposableBean(SERVER_BEAN, server::close);
        }
        else {
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
                if (event.getApplicationContext() == context) {
                    server.close();
                }
            });
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
