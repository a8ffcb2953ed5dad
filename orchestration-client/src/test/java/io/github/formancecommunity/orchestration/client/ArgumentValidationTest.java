package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/** Invalid arguments fail with {@link IllegalArgumentException} before anything is sent. */
class ArgumentValidationTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private OrchestrationV1Client client;

    @BeforeEach
    void createClient() {
        // No stub: WireMock records every request it receives, matched or not.
        client = TestClients.builder(server).build();
    }

    @AfterEach
    void closeClient() throws IOException {
        client.close();
    }

    static Stream<Arguments> invalidCalls() {
        return Stream.of(
                invalid("createTrigger(null)", api -> api.createTrigger(null), "createTrigger: trigger must not be null"),
                invalid("readTrigger(null)", api -> api.readTrigger(null), "readTrigger: triggerId must not be null"),
                invalid("readTrigger(blank)", api -> api.readTrigger(" "), "readTrigger: triggerId must not be blank"),
                invalid("deleteTrigger(empty)", api -> api.deleteTrigger(""), "deleteTrigger: triggerId must not be blank"),
                invalid("deleteTrigger(..)", api -> api.deleteTrigger(".."), "deleteTrigger: triggerId must not be '..'"),
                invalid("getInstanceHistory(.)", api -> api.getInstanceHistory("."),
                        "getInstanceHistory: instanceId must not be '.'"),
                invalid("listTriggersOccurrences(null)", api -> api.listTriggersOccurrences(null),
                        "listTriggersOccurrences: triggerId must not be null"),
                invalid("createWorkflow(null)", api -> api.createWorkflow(null), "createWorkflow: config must not be null"),
                invalid("getWorkflow(null)", api -> api.getWorkflow(null), "getWorkflow: workflowId must not be null"),
                invalid("deleteWorkflow(blank)", api -> api.deleteWorkflow("\t"),
                        "deleteWorkflow: workflowId must not be blank"),
                invalid("runWorkflow(null)", api -> api.runWorkflow(null, Map.of("a", "b"), true),
                        "runWorkflow: workflowId must not be null"),
                invalid("runWorkflow(blank)", api -> api.runWorkflow(" "), "runWorkflow: workflowId must not be blank"),
                invalid("getInstance(null)", api -> api.getInstance(null), "getInstance: instanceId must not be null"),
                invalid("sendEvent(null, name)", api -> api.sendEvent(null, "processed"),
                        "sendEvent: instanceId must not be null"),
                invalid("sendEvent(id, null)", api -> api.sendEvent("inst-1", null),
                        "sendEvent: eventName must not be null"),
                invalid("sendEvent(id, blank)", api -> api.sendEvent("inst-1", " "),
                        "sendEvent: eventName must not be blank"),
                invalid("cancelEvent(blank)", api -> api.cancelEvent(""), "cancelEvent: instanceId must not be blank"),
                invalid("getInstanceHistory(null)", api -> api.getInstanceHistory(null),
                        "getInstanceHistory: instanceId must not be null"),
                invalid("getInstanceStageHistory(null, 0)", api -> api.getInstanceStageHistory(null, 0),
                        "getInstanceStageHistory: instanceId must not be null"),
                invalid("getInstanceStageHistory(id, -1)", api -> api.getInstanceStageHistory("inst-1", -1),
                        "getInstanceStageHistory: stageNumber must be >= 0, got -1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void failsBeforeSendingAnything(String description, Consumer<OrchestrationV1> call, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> call.accept(client)).withMessage(message);

        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static Arguments invalid(String description, Consumer<OrchestrationV1> call, String message) {
        return Arguments.of(description, call, message);
    }
}
