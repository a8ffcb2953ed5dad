package io.github.formancecommunity.orchestration.client.contract;

import static io.github.formancecommunity.orchestration.client.fixtures.Payloads.INSTANCE_ID;
import static io.github.formancecommunity.orchestration.client.fixtures.Payloads.TRIGGER_ID;
import static io.github.formancecommunity.orchestration.client.fixtures.Payloads.WORKFLOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.Payloads;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * The contract checker itself: it accepts what conforms, and each kind of violation it must catch is caught,
 * including next to the few server deviations it accepts.
 */
@Tag("contract")
class OpenApiContractTest {

    private static final String PREFIX = TestClients.PREFIX;

    private static OpenApiContract contract;

    @BeforeAll
    static void loadTheSpec() {
        contract = OpenApiContract.load();
    }

    @Test
    void aConformingExchangeHasNoViolation() {
        assertThat(contract.violations(get("/workflows/" + WORKFLOW_ID, 200, Payloads.read("workflow.json"))))
                .isEmpty();
        assertThatCode(() -> contract.assertConforms(get("/workflows/" + WORKFLOW_ID, 200,
                Payloads.read("workflow.json")))).doesNotThrowAnyException();
    }

    @Test
    void aResponseMissingARequiredFieldIsCaught() {
        String withoutCreatedAt = Payloads.read("workflow.json")
                .replace("\"createdAt\":\"2026-04-28T08:00:00.123456Z\",", "");

        assertThat(contract.violations(get("/workflows/" + WORKFLOW_ID, 200, withoutCreatedAt)))
                .singleElement().asString()
                .startsWith("validation.response.body.schema.required").contains("createdAt", "[at /data]");
    }

    @Test
    void aValueOfTheWrongTypeInAResponseIsCaught() {
        String stageAsText = Payloads.read("instance.json").replace("\"stage\":1,", "\"stage\":\"1\",");

        assertThat(contract.violations(get("/instances/" + INSTANCE_ID, 200, stageAsText)))
                .singleElement().asString()
                .startsWith("validation.response.body.schema.type").contains("[at /data/status/1/stage]");
    }

    @Test
    void aStageNumberThatIsNotAnIntegerIsCaught() {
        assertThat(contract.violations(get("/instances/" + INSTANCE_ID + "/stages/first/history", 200,
                Payloads.read("empty-list.json"))))
                .singleElement().asString().startsWith("validation.request.parameter.schema.type")
                .contains("integer");
    }

    @Test
    void aPathWithoutTheGatewayPrefixIsCaught() {
        RecordedExchange direct = new RecordedExchange("GET", "/workflows", Map.of(), readHeaders(), null, 200,
                jsonContentType(), Payloads.read("workflows.json"));

        assertThat(contract.violations(direct)).singleElement().asString()
                .startsWith("validation.request.path.missing");
    }

    @Test
    void aMethodTheSpecDoesNotHaveIsCaught() {
        RecordedExchange postAbort = new RecordedExchange("POST", PREFIX + "/instances/" + INSTANCE_ID + "/abort",
                Map.of(), readHeaders(), null, 204, jsonContentType(), null);

        assertThat(contract.violations(postAbort)).singleElement().asString()
                .startsWith("validation.request.operation.notAllowed");
    }

    @Test
    void aQueryParameterTheSpecDoesNotDeclareIsCaught() {
        RecordedExchange paged = new RecordedExchange("GET", PREFIX + "/triggers", Map.of("pageSize", List.of("100")),
                readHeaders(), null, 200, jsonContentType(), Payloads.read("triggers.json"));

        assertThat(contract.violations(paged)).singleElement().asString()
                .startsWith("validation.request.parameter.query.unexpected").contains("pageSize");
    }

    @Test
    void aRequestWithoutABearerTokenIsCaughtWithoutShowingTheCredentials() {
        RecordedExchange anonymous = new RecordedExchange("GET", PREFIX + "/_info", Map.of(),
                Map.of("Accept", List.of("application/json")), null, 200, jsonContentType(),
                Payloads.read("server-info.json"));
        RecordedExchange basic = new RecordedExchange("GET", PREFIX + "/_info", Map.of(),
                Map.of("Authorization", List.of("Basic dXNlcjpzZWNyZXQ=")), null, 200, jsonContentType(),
                Payloads.read("server-info.json"));

        assertThat(contract.violations(anonymous)).singleElement().asString()
                .startsWith(OAuth2BearerCheck.MISSING_KEY);
        assertThat(contract.violations(basic)).singleElement().asString()
                .startsWith(OAuth2BearerCheck.INVALID_KEY).doesNotContain("dXNlcjpzZWNyZXQ=");
    }

    @Test
    void aRequestBodyMissingARequiredFieldIsCaught() {
        RecordedExchange noName = post("/instances/" + INSTANCE_ID + "/events", Map.of(), "{}", 204, null);

        assertThat(contract.violations(noName)).singleElement().asString()
                .startsWith("validation.request.body.schema.required").contains("name");
    }

    @Test
    void aRunVariableThatIsNotAStringIsCaught() {
        RecordedExchange numeric = post("/workflows/" + WORKFLOW_ID + "/instances", Map.of(),
                "{\"amount\":100}", 201, Payloads.read("instance-started.json"));

        assertThat(contract.violations(numeric)).singleElement().asString()
                .startsWith("validation.request.body.schema.type").contains("[at /amount]");
    }

    @Test
    void aSuccessWithoutItsBodyIsCaught() {
        assertThat(contract.violations(get("/triggers/" + TRIGGER_ID, 200, null))).singleElement().asString()
                .startsWith("validation.response.body.missing");
    }

    @Test
    void aSuccessStatusTheSpecDoesNotGiveIsCaught() {
        RecordedExchange createdWith200 = post("/triggers", Map.of(), OperationScenarios.createTrigger().requestJson(),
                200, Payloads.read("trigger.json"));

        assertThat(contract.violations(createdWith200)).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).startsWith("validation.response.body.schema"));
    }

    @Test
    void aBodyOnANoContentAnswerIsCaught() {
        RecordedExchange deleted = new RecordedExchange("DELETE", PREFIX + "/triggers/" + TRIGGER_ID, Map.of(),
                readHeaders(), null, 204, jsonContentType(), "{\"data\":{}}");

        assertThat(contract.violations(deleted)).singleElement().asString()
                .startsWith("validation.response.body.unexpected");
    }

    @Test
    void anErrorCodeOutsideTheSpecIsCaught() {
        assertThat(contract.violations(get("/instances/" + INSTANCE_ID, 403,
                "{\"errorCode\":\"FORBIDDEN\",\"errorMessage\":\"missing scope\"}")))
                .singleElement().asString().startsWith("validation.response.body.schema.enum");
    }

    @Test
    void anEmptyErrorBodyIsAcceptedButAnHtmlOneIsNot() {
        assertThat(contract.violations(get("/instances/" + INSTANCE_ID, 401, null))).isEmpty();
        assertThat(contract.violations(get("/instances/" + INSTANCE_ID, 502, "<html>Bad Gateway</html>")))
                .isNotEmpty();
    }

    @Test
    void theCreateTransactionArrayIsAcceptedOnlyWhereTheServerSendsIt() {
        String stageHistory = Payloads.read("stage-history.json");
        String asRevertOutput = stageHistory.replace("\"output\":{\"CreateTransaction\"",
                "\"output\":{\"RevertTransaction\"");

        assertThat(contract.violations(get("/instances/" + INSTANCE_ID + "/stages/0/history", 200, stageHistory)))
                .isEmpty();
        assertThat(contract.violations(get("/instances/" + INSTANCE_ID + "/stages/0/history", 200, asRevertOutput)))
                .singleElement().asString().startsWith("validation.response.body.schema.type")
                .contains("[at /data/0/output/RevertTransaction/data]");
    }

    @Test
    void assertConformsListsEveryViolation() {
        RecordedExchange twice = new RecordedExchange("GET", PREFIX + "/triggers", Map.of("cursor", List.of("x")),
                Map.of(), null, 200, jsonContentType(), null);

        AssertionError error = catchThrowableOfType(AssertionError.class, () -> contract.assertConforms(twice));

        assertThat(error).hasMessageContaining("GET /api/orchestration/triggers?cursor=x -> 200 does not conform")
                .hasMessageContaining("validation.request.parameter.query.unexpected")
                .hasMessageContaining(OAuth2BearerCheck.MISSING_KEY)
                .hasMessageContaining("validation.response.body.missing");
    }

    @Test
    void loadingWithoutTheSpecPropertyFailsClearly() {
        assertThatIllegalStateException().isThrownBy(() -> OpenApiContract.load(null))
                .withMessageContaining("'orchestration.spec' is not set");
        assertThatIllegalStateException().isThrownBy(() -> OpenApiContract.load(" "))
                .withMessageContaining("'orchestration.spec' is not set");
    }

    @Test
    void loadingAMissingSpecFailsClearly() {
        assertThatIllegalStateException().isThrownBy(() -> OpenApiContract.load("target/no-such-spec.yaml"))
                .withMessageContaining("does not exist").withMessageContaining("no-such-spec.yaml");
    }

    private static RecordedExchange get(String path, int status, String responseBody) {
        return new RecordedExchange("GET", PREFIX + path, Map.of(), readHeaders(), null, status, jsonContentType(),
                responseBody);
    }

    private static RecordedExchange post(String path, Map<String, List<String>> query, String body, int status,
            String responseBody) {
        Map<String, List<String>> headers = new LinkedHashMap<>(readHeaders());
        headers.put("Content-Type", List.of("application/json"));
        return new RecordedExchange("POST", PREFIX + path, query, headers, body, status, jsonContentType(),
                responseBody);
    }

    private static Map<String, List<String>> readHeaders() {
        return Map.of("Authorization", List.of("Bearer " + TestClients.TOKEN), "Accept", List.of("application/json"));
    }

    private static Map<String, List<String>> jsonContentType() {
        return Map.of("Content-Type", List.of("application/json"));
    }
}
