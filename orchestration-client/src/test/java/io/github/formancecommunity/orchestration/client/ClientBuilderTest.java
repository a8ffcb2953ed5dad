package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/** The plain-Java builder: where requests go, authentication, and settings it refuses. */
class ClientBuilderTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private static final OperationScenario<?> LIST_WORKFLOWS = OperationScenarios.listWorkflows();

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());

        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(TestClients.baseUrl(server))
                .build()) {
            assertThat(client.listWorkflows()).hasSize(2);
        }

        server.verify(1, getRequestedFor(urlEqualTo(TestClients.PREFIX + "/workflows"))
                .withoutHeader("Authorization"));
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anEmptyPathPrefixCallsTheServiceDirectly() throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());

        try (OrchestrationV1Client client = TestClients.builder(server).pathPrefix("").build()) {
            client.listWorkflows();
        }

        server.verify(1, getRequestedFor(urlEqualTo("/workflows")));
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    static Stream<Arguments> whereRequestsGo() {
        return Stream.of(
                Arguments.of((UnaryOperator<OrchestrationClientBuilder>) b -> b.pathPrefix("/"), "/workflows"),
                Arguments.of((UnaryOperator<OrchestrationClientBuilder>) b -> b.pathPrefix("gateway/orchestration/"),
                        "/gateway/orchestration/workflows"),
                Arguments.of((UnaryOperator<OrchestrationClientBuilder>) b -> b.baseUrl(
                        TestClients.baseUrl(server) + "/stack-1/"), "/stack-1/api/orchestration/workflows"));
    }

    @ParameterizedTest
    @MethodSource("whereRequestsGo")
    void baseUrlAndPrefixAreJoinedWithSingleSlashes(UnaryOperator<OrchestrationClientBuilder> settings, String path)
            throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());

        try (OrchestrationV1Client client = settings.apply(TestClients.builder(server)).build()) {
            client.listWorkflows();
        }

        server.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://exa mple.com", "localhost:8080", "ftp://files.example.com", "/api",
            "https://user:secret@example.com", "http://example.com?tenant=1", "ftp://user:secret@example.com",
            "http://user:secret@exa mple.com", "user:secret@example.com" })
    void aBaseUrlThatIsNotAnHttpUrlIsRefused(String baseUrl) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl(baseUrl).build())
                .withMessageContaining("baseUrl")
                .withMessageNotContaining("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void aBlankBaseUrlIsRefused(String baseUrl) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl(baseUrl).build())
                .withMessage("baseUrl must not be blank");
    }

    @Test
    void aMissingBaseUrlIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl(null).build())
                .withMessage("baseUrl must not be blank");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be a positive duration"),
                invalid(b -> b.connectTimeout(null), "connectTimeout must be a positive duration"),
                invalid(b -> b.readTimeout(Duration.ofSeconds(-1)), "readTimeout must be a positive duration"),
                invalid(b -> b.runWaitTimeout(Duration.ZERO), "runWaitTimeout must be a positive duration"),
                invalid(b -> b.maxConnections(0), "maxConnections must be at least 1"),
                invalid(b -> b.pathPrefix("/api?x=1"), "pathPrefix must be a path"));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void anInvalidSettingIsRefusedByName(UnaryOperator<OrchestrationClientBuilder> settings, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.apply(OrchestrationV1Client.builder()).build())
                .withMessageStartingWith(message);
    }

    @Test
    void aBlankTokenIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrchestrationV1Client.builder().bearerToken(" "))
                .withMessageContaining("token");
    }

    @Test
    void theTokenNeverShowsInDescriptions() throws IOException {
        OrchestrationClientBuilder builder = TestClients.builder(server);

        try (OrchestrationV1Client client = builder.build()) {
            assertThat(client.toString()).contains(TestClients.baseUrl(server) + TestClients.PREFIX)
                    .doesNotContain(TestClients.TOKEN);
        }
        assertThat(builder.toString()).doesNotContain(TestClients.TOKEN);
        assertThat(builder.baseUrl("https://user:secret@example.com").toString()).contains("https://****@example.com")
                .doesNotContain("secret");
        assertThat(BearerTokenSource.of(TestClients.TOKEN).toString()).doesNotContain(TestClients.TOKEN);
    }

    private static Arguments invalid(UnaryOperator<OrchestrationClientBuilder> settings, String message) {
        return Arguments.of(settings, message);
    }
}
