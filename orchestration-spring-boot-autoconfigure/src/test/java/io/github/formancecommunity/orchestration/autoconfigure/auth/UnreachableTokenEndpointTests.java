package io.github.formancecommunity.orchestration.autoconfigure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/** The application starts with the stack unreachable; the first call reports the refused token request. */
@SpringBootTest(classes = UnreachableTokenEndpointTests.App.class)
class UnreachableTokenEndpointTests {

    private static final int CLOSED_PORT = closedPort();
    private static final String SECRET = "unreachable-s3cr3t";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("formance.orchestration.base-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("formance.orchestration.auth.client-id", () -> "app");
        registry.add("formance.orchestration.auth.client-secret", () -> SECRET);
    }

    @Autowired
    OrchestrationV1 client;

    @Test
    void aRefusedTokenRequestIsAnAuthenticationException() {
        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                () -> client.runWorkflow("wf-1"));

        assertThat(failure.status()).isEqualTo(-1);
        assertThat(failure.getMessage())
                .startsWith("Could not obtain an access token for scope 'orchestration:write' from http://127.0.0.1:"
                        + CLOSED_PORT + "/api/auth/oauth/token (client 'app'): could not connect")
                .doesNotContain(SECRET);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
