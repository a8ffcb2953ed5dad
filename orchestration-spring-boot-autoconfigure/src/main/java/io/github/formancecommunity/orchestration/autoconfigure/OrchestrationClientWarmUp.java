package io.github.formancecommunity.orchestration.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * {@code formance.orchestration.initialization=background}: once the application is ready, builds the lazily
 * built client's JSON mapper, connection pool and Feign target on a short-lived daemon thread, so that neither the
 * start-up nor, usually, the first call pays for it. A call made while it runs waits for it rather than building
 * a second time. Nothing is sent over the network.
 *
 * <p>The listener is registered whatever the mode and does nothing unless the mode is {@code background}: the
 * mode is read at run time, also in an application whose bean conditions were evaluated at build time (Spring AOT).
 *
 * <p>Only {@code SpringApplication} publishes {@link ApplicationReadyEvent}; in a bare application context the
 * client is simply built on its first call.
 */
final class OrchestrationClientWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    /** The name of the thread, which ends when the client is built. */
    static final String THREAD_NAME = "orchestration-warm-up";

    private static final Logger log = LoggerFactory.getLogger(OrchestrationClientWarmUp.class);

    private final ObjectProvider<OrchestrationV1Client> clients;
    private final ObjectProvider<OrchestrationProperties> properties;

    OrchestrationClientWarmUp(ObjectProvider<OrchestrationV1Client> clients,
            ObjectProvider<OrchestrationProperties> properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        OrchestrationProperties settings = properties.getIfUnique();
        if (settings == null || settings.getInitialization() != OrchestrationProperties.Initialization.BACKGROUND) {
            return;
        }
        OrchestrationV1Client client = clients.getIfUnique();
        if (client == null || client.isWarm()) {
            return;
        }
        Thread thread = new Thread(() -> warmUp(client), THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(OrchestrationV1Client client) {
        try {
            client.warmUp();
        }
        catch (RuntimeException | LinkageError ex) {
            // The first call builds it again and gets the failure itself.
            log.warn("Could not prepare {} in the background, the first call will try again: {}", client,
                    ex.toString());
        }
    }
}
