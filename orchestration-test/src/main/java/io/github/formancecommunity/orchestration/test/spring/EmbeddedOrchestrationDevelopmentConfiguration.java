package io.github.formancecommunity.orchestration.test.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationConnectionDetails;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Runs an application locally against the embedded server, following Boot's development-time services
 * convention: a test-side {@code main} adds this configuration to the application's own.
 *
 * <pre>{@code
 * // src/test/java/com/example/TestCheckoutApplication.java
 * public class TestCheckoutApplication {
 *     public static void main(String[] args) {
 *         SpringApplication.from(CheckoutApplication::main)
 *                 .with(EmbeddedOrchestrationDevelopmentConfiguration.class)
 *                 .run(args);
 *     }
 * }
 * }</pre>
 *
 * Run it from the IDE or with {@code ./mvnw spring-boot:test-run}. The server starts with the application and
 * stops with it; the client reaches it through an {@link OrchestrationConnectionDetails} bean, so the
 * application's own {@code formance.orchestration.base-url} (for production) can stay in {@code application.yml}.
 * {@code formance.orchestration.embedded.port} (default {@code 0}, any free port) fixes the server's port, for
 * a browser or a second process; the server logs its URL when it starts. As a {@code @TestConfiguration}, it is
 * left out of component scanning, so it applies only where a main or a test names it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedOrchestrationDevelopmentConfiguration {

    /**
     * The server, on loopback, without authentication.
     *
     * @param port the port to bind, {@code 0} for any free one
     * @return the started server, stopped with the context
     */
    @Bean(destroyMethod = "close")
    EmbeddedOrchestrationServer embeddedOrchestrationServer(
            @Value("${formance.orchestration.embedded.port:0}") int port) {
        return EmbeddedOrchestrationServer.builder().port(port).start();
    }

    /**
     * Where the starter's client connects: the server above.
     *
     * @param server the embedded server
     * @return the connection details
     */
    @Bean
    OrchestrationConnectionDetails embeddedOrchestrationConnectionDetails(EmbeddedOrchestrationServer server) {
        return new EmbeddedOrchestrationConnectionDetails(server, false, "", "");
    }
}
