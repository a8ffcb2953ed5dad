package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.TOKEN;
import static io.github.formancecommunity.orchestration.client.faults.FaultSupport.assertNoSecretAndBounded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * A token source that fails or hands out an unusable token: the call fails with
 * {@link OrchestrationAuthenticationException} naming the operation, the server receives nothing, and the token
 * never shows.
 */
class TokenSourceFaultTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ScenarioTally TALLY = new ScenarioTally("client token source faults");

    @AfterEach
    void nothingReachedTheServer() {
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    private static Throwable call(OperationCase operation, Function<String, String> tokens) throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        BearerTokenSource source = tokens::apply;
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).tokenSource(source).build()) {
            return catchThrowable(() -> operation.invoke(client));
        }
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void aTokenEndpointFailureSurfacesUnchanged(OperationCase operation) throws IOException {
        OrchestrationAuthenticationException failure = new OrchestrationAuthenticationException(
                "token endpoint answered HTTP 503", 503, null);

        Throwable thrown = call(operation, scope -> {
            throw failure;
        });
        TALLY.fault();

        assertThat(thrown).isSameAs(failure);
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @EnumSource(OperationCase.class)
    void anUnexpectedExceptionOfTheSourceBecomesAnAuthenticationFailure(OperationCase operation) throws IOException {
        IllegalStateException bug = new IllegalStateException("source broke");

        Throwable thrown = call(operation, scope -> {
            throw bug;
        });
        TALLY.fault();

        assertThat(thrown).isInstanceOf(OrchestrationAuthenticationException.class).hasCause(bug);
        assertThat(((OrchestrationException) thrown).operation()).isEqualTo(operation.operation());
        assertThat(thrown.getMessage()).startsWith(operation.operation().operationId() + ": ")
                .contains("source broke");
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "NULL"})
    void aMissingTokenIsAnAuthenticationFailureNotBearerNull(String token) throws IOException {
        Throwable thrown = call(OperationCase.LIST_WORKFLOWS, scope -> "NULL".equals(token) ? null : token);
        TALLY.fault();

        assertThat(thrown).isInstanceOf(OrchestrationAuthenticationException.class)
                .hasMessage("listWorkflows: the token source returned no token");
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\nX-Injected: 1", "\u0000", " with space", "é", "\ttab"})
    void aTokenThatCannotBeAHeaderValueIsRejectedWithoutShowingIt(String tail) throws IOException {
        Throwable thrown = call(OperationCase.GET_INSTANCE, scope -> TOKEN + tail);
        TALLY.fault();

        assertThat(thrown).isInstanceOf(OrchestrationAuthenticationException.class)
                .hasMessageStartingWith("getInstance: the token source returned a token that is not a valid");
        assertNoSecretAndBounded(thrown);
        TALLY.typedFailure();
    }

    @Test
    void surroundingWhitespaceOfATokenReadFromAFileIsDropped() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[]}")));
        BearerTokenSource fromFile = scope -> " " + TOKEN + "\n";
        try (OrchestrationV1Client client = FaultSupport.builder(server.baseUrl()).tokenSource(fromFile).build()) {
            assertThat(client.listWorkflows()).isEmpty();
        }
        TALLY.call();

        assertThat(server.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
        server.resetRequests();
    }

    @Test
    void theRequestedScopeFollowsTheOperation() throws IOException {
        java.util.Map<String, String> scopes = new java.util.concurrent.ConcurrentHashMap<>();
        for (OperationCase operation : OperationCase.values()) {
            call(operation, scope -> {
                scopes.put(operation.name(), scope);
                throw new OrchestrationAuthenticationException("stop here", -1, null);
            });
            TALLY.call();
        }

        for (OperationCase operation : OperationCase.values()) {
            assertThat(scopes.get(operation.name())).as(operation.name()).isEqualTo(operation.operation().scope());
        }
    }
}
