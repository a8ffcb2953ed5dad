package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.ServerErrors;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * The bearer token: the scope asked for each operation, and the single retry of a 401 when the token source can
 * replace the rejected token.
 */
class BearerAuthenticationTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private final RotatingTokens tokens = new RotatingTokens();

    @Test
    void readsAskForTheReadScopeAndWritesForTheWriteScope() throws IOException {
        try (OrchestrationV1Client client = TestClients.builder(server).tokenSource(tokens).build()) {
            OperationScenarios.listWorkflows().run(server, client);
            OperationScenarios.createTrigger().run(server, client);
            OperationScenarios.deleteWorkflow().run(server, client);
            OperationScenarios.cancelEvent().run(server, client);
        }

        assertThat(tokens.scopes).containsExactly(OrchestrationOperation.SCOPE_READ,
                OrchestrationOperation.SCOPE_WRITE, OrchestrationOperation.SCOPE_WRITE,
                OrchestrationOperation.SCOPE_WRITE);
    }

    @Test
    void aRejectedTokenIsReplacedAndTheCallRetriedOnce() throws IOException {
        OperationScenario<?> getInstance = OperationScenarios.getInstance();
        server.stubFor(any(anyUrl()).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(ServerErrors.unauthorized().response()).willSetStateTo("refreshed"));
        server.stubFor(any(anyUrl()).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(getInstance.response()));

        try (OrchestrationV1Client client = TestClients.builder(server).tokenSource(tokens).build()) {
            assertThat(client.getInstance("inst-1").id()).isEqualTo("c4d5e6f7-0819-4a2b-8c3d-4e5f60718293");
        }

        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(server.getAllServeEvents()).hasSize(2);
        server.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer token-1")));
        server.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void aSecond401IsNotRetriedAgain() throws IOException {
        server.stubFor(ServerErrors.unauthorized().stub());

        try (OrchestrationV1Client client = TestClients.builder(server).tokenSource(tokens).build()) {
            OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                    () -> client.listWorkflows());

            assertThat(error.status()).isEqualTo(401);
            assertThat(error.getMessage()).doesNotContain("token-1", "token-2");
        }

        assertThat(server.getAllServeEvents()).hasSize(2);
        assertThat(tokens.invalidated).containsExactly("token-1", "token-2");
    }

    @Test
    void aTokenIsSentAsItIsEvenWithTemplateBraces() throws IOException {
        // the value goes out as it is: braces are not a template expression
        OperationScenario<?> listWorkflows = OperationScenarios.listWorkflows();
        server.stubFor(any(anyUrl()).willReturn(listWorkflows.response()));

        try (OrchestrationV1Client client = TestClients.builder(server).bearerToken("tok{en}-{1}").build()) {
            client.listWorkflows();
        }

        server.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer tok{en}-{1}")));
    }

    @Test
    void aStaticTokenIsNotRetried() throws IOException {
        server.stubFor(ServerErrors.unauthorized().stub());

        try (OrchestrationV1Client client = TestClients.builder(server).build()) {
            catchThrowableOfType(OrchestrationApiException.class, () -> client.listWorkflows());
        }

        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aTokenSourceFailureIsRaisedWithoutSendingAnything() throws IOException {
        BearerTokenSource failing = scope -> {
            throw new OrchestrationAuthenticationException("token endpoint answered 400 (invalid_client)", 400, null);
        };

        try (OrchestrationV1Client client = TestClients.builder(server).tokenSource(failing).build()) {
            OrchestrationAuthenticationException error = catchThrowableOfType(
                    OrchestrationAuthenticationException.class, () -> client.listWorkflows());

            assertThat(error.getMessage()).contains("invalid_client");
        }

        assertThat(server.getAllServeEvents()).isEmpty();
    }

    /** Hands out token-1, token-2, ... and moves on when told a token was rejected. */
    private static final class RotatingTokens implements BearerTokenSource {

        private final List<String> scopes = new CopyOnWriteArrayList<>();
        private final List<String> invalidated = new CopyOnWriteArrayList<>();
        private int current = 1;

        @Override
        public synchronized String token(String scope) {
            scopes.add(scope);
            return "token-" + current;
        }

        @Override
        public synchronized void invalidate(String rejectedToken) {
            invalidated.add(rejectedToken);
            if (rejectedToken.equals("token-" + current)) {
                current++;
            }
        }

        @Override
        public boolean isRefreshable() {
            return true;
        }
    }
}
