package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.ErrorScenario;
import io.github.formancecommunity.orchestration.client.fixtures.ServerErrors;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;

/**
 * Non-2xx answers become {@link OrchestrationApiException}s with what the body said, whatever the body is; 2xx
 * answers that cannot be read become {@link OrchestrationResponseException}s. Messages stay short and never carry
 * the token.
 */
class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private OrchestrationV1Client client;

    @BeforeEach
    void createClient() {
        client = TestClients.builder(server).build();
    }

    @AfterEach
    void closeClient() throws IOException {
        client.close();
    }

    static List<ErrorScenario> serverErrors() {
        return ServerErrors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverErrors")
    void everyServerErrorBecomesAnApiException(ErrorScenario scenario) {
        server.stubFor(scenario.stub());

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> scenario.call().accept(client));

        assertThat(error.status()).isEqualTo(scenario.status());
        assertThat(error.errorCode()).isEqualTo(scenario.errorCode());
        assertThat(error.errorMessage()).isEqualTo(scenario.errorMessage());
        assertThat(error.details()).isNull();
        assertThat(error.operation()).isSameAs(scenario.operation());
        assertThat(error.retryAfter()).isEmpty();
        assertThat(error.getMessage()).contains(scenario.operation().operationId(), "HTTP " + scenario.status())
                .doesNotContain(TestClients.TOKEN);
        assertThat(error.isClientError()).isEqualTo(scenario.status() < 500);
        assertThat(error.isServerError()).isEqualTo(scenario.status() >= 500);
    }

    @Test
    void theThreeErrorCodesAreTheKnownConstants() {
        assertThat(List.of(ServerErrors.validation(), ServerErrors.notFound(), ServerErrors.internal()))
                .allSatisfy(scenario -> {
                    server.stubFor(scenario.stub());
                    OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                            () -> scenario.call().accept(client));
                    assertThat(error.errorCode()).isSameAs(scenario.errorCode());
                    assertThat(error.errorCode().isKnown()).isTrue();
                    assertThat(error.getMessage()).contains(scenario.errorCode().value() + ": "
                            + scenario.errorMessage());
                });
    }

    @Test
    void anUnknownErrorCodeIsKeptAsItCame() {
        answer(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"FORBIDDEN\",\"errorMessage\":\"missing scope orchestration:write\"}"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.deleteWorkflow("wf-1"));

        assertThat(error.status()).isEqualTo(403);
        assertThat(error.errorCode().value()).isEqualTo("FORBIDDEN");
        assertThat(error.errorCode().isKnown()).isFalse();
        assertThat(error.errorMessage()).isEqualTo("missing scope orchestration:write");
        assertThat(error.getMessage()).contains("FORBIDDEN: missing scope orchestration:write");
    }

    @Test
    void extraDetailsAreKept() {
        answer(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"VALIDATION\",\"errorMessage\":\"invalid body\","
                        + "\"details\":\"vars.amount: expected a string\",\"traceId\":\"abc\"}"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.runWorkflow("wf-1"));

        assertThat(error.errorCode()).isSameAs(ErrorCode.VALIDATION);
        assertThat(error.errorMessage()).isEqualTo("invalid body");
        assertThat(error.details()).isEqualTo("vars.amount: expected a string");
        assertThat(error.getMessage()).contains("invalid body", "vars.amount: expected a string");
    }

    @Test
    void anEmptyUnauthorizedBodySaysSo() {
        server.stubFor(ServerErrors.unauthorized().stub());

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listWorkflows());

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.errorCode()).isNull();
        assertThat(error.errorMessage()).isNull();
        assertThat(error.getMessage()).contains("listWorkflows", "401", "empty body")
                .doesNotContain(TestClients.TOKEN);
    }

    @Test
    void aGatewayHtmlPageGivesAShortExcerptNeverThePage() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                + "<p>upstream orchestration unavailable</p>" + "<!-- padding -->".repeat(6_400)
                + "END-OF-PAGE</body></html>";
        assertThat(page.length()).isGreaterThan(100_000);
        answer(aResponse().withStatus(502).withHeader("Content-Type", "text/html; charset=utf-8").withBody(page));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.getInstance("inst-1"));

        assertThat(error.status()).isEqualTo(502);
        assertThat(error.errorCode()).isNull();
        assertThat(error.isServerError()).isTrue();
        assertThat(error.getMessage()).contains("getInstance", "502", "text/html", "<title>502 Bad Gateway</title>")
                .doesNotContain("END-OF-PAGE");
        assertThat(error.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void malformedJsonInAnErrorBodyIsShownAsAnExcerpt() {
        answer(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"INTERNAL\",\"errorMess"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.cancelEvent("inst-1"));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.errorCode()).isNull();
        assertThat(error.errorMessage()).isNull();
        assertThat(error.getMessage()).contains("cancelEvent", "500", "{\"errorCode\":\"INTERNAL\",\"errorMess");
    }

    @Test
    void malformedJsonInASuccessBodyIsAResponseException() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"id\":\"wf-1\",\"config\":"));

        OrchestrationResponseException error = catchThrowableOfType(OrchestrationResponseException.class,
                () -> client.listWorkflows());

        assertThat(error.status()).isEqualTo(200);
        assertThat(error.operation()).isSameAs(OrchestrationOperation.LIST_WORKFLOWS);
        assertThat(error.getMessage()).contains("listWorkflows", "HTTP 200", "{\"data\":[{\"id\":\"wf-1\"");
    }

    @Test
    void anEmptySuccessBodyIsAResponseException() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        OrchestrationResponseException error = catchThrowableOfType(OrchestrationResponseException.class,
                () -> client.getServerInfo());

        assertThat(error.status()).isEqualTo(200);
        assertThat(error.getMessage()).contains("orchestrationgetServerInfo", "empty body");
    }

    @Test
    void anHtmlSuccessBodyIsAResponseException() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Sign in to continue</body></html>"));

        OrchestrationResponseException error = catchThrowableOfType(OrchestrationResponseException.class,
                () -> client.readTrigger("trig-1"));

        assertThat(error.operation()).isSameAs(OrchestrationOperation.READ_TRIGGER);
        assertThat(error.getMessage()).contains("readTrigger", "text/html", "Sign in to continue");
    }

    @Test
    void aSuccessBodyWithoutDataIsAResponseException() {
        answer(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"data\":null}"));

        OrchestrationResponseException error = catchThrowableOfType(OrchestrationResponseException.class,
                () -> client.runWorkflow("wf-1"));

        assertThat(error.status()).isEqualTo(201);
        assertThat(error.getMessage()).contains("runWorkflow", "\"data\"");
    }

    @Test
    void aSuccessBodyOfTheWrongShapeIsAResponseException() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"not-a-list\"}}"));

        OrchestrationResponseException error = catchThrowableOfType(OrchestrationResponseException.class,
                () -> client.listInstances());

        assertThat(error.getMessage()).contains("listInstances", "not-a-list");
    }

    @Test
    void retryAfterInSecondsIsRead() {
        answer(aResponse().withStatus(503).withHeader("Retry-After", "7"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listTriggers());

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAPastHttpDateMeansNow() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listTriggers());

        assertThat(error.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsAFutureHttpDateIsTheDelayUntilThen() {
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC)
                .plusHours(1));
        answer(aResponse().withStatus(503).withHeader("Retry-After", inAnHour));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listTriggers());

        // The header has whole seconds: the delay is an hour minus the sub-second part and the call's duration.
        assertThat(error.retryAfter()).hasValueSatisfying(delay -> assertThat(delay)
                .isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThan(Duration.ofMinutes(50)));
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        answer(aResponse().withStatus(503).withHeader("Retry-After", "soon"));

        OrchestrationApiException error = catchThrowableOfType(OrchestrationApiException.class,
                () -> client.listTriggers());

        assertThat(error.status()).isEqualTo(503);
        assertThat(error.retryAfter()).isEmpty();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        server.stubFor(any(anyUrl()).willReturn(response));
    }
}
