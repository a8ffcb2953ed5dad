package io.github.formancecommunity.orchestration.client.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;

/**
 * Invalid arguments and invalid builder settings fail with {@link IllegalArgumentException} (or
 * {@link NullPointerException} for a null the builder cannot take) before any request: the server receives
 * nothing.
 */
class InvalidInputTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ScenarioTally TALLY = new ScenarioTally("client invalid input");

    private OrchestrationV1Client client;

    @BeforeEach
    void client() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        client = FaultSupport.builder(server.baseUrl()).build();
    }

    @AfterEach
    void nothingReachedTheServer() throws Exception {
        client.close();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @AfterAll
    static void summary() {
        TALLY.print();
    }

    /** Each operation taking an id, with that id replaced. */
    record IdCall(String operationId, String parameter, Consumer<OrchestrationV1> call) {

        @Override
        public String toString() {
            return operationId + "(" + parameter + ")";
        }
    }

    static List<IdCall> idCalls(String id) {
        return List.of(
                new IdCall("readTrigger", "triggerId", c -> c.readTrigger(id)),
                new IdCall("deleteTrigger", "triggerId", c -> c.deleteTrigger(id)),
                new IdCall("listTriggersOccurrences", "triggerId", c -> c.listTriggersOccurrences(id)),
                new IdCall("getWorkflow", "workflowId", c -> c.getWorkflow(id)),
                new IdCall("deleteWorkflow", "workflowId", c -> c.deleteWorkflow(id)),
                new IdCall("runWorkflow", "workflowId", c -> c.runWorkflow(id)),
                new IdCall("runWorkflow", "workflowId", c -> c.runWorkflow(id, Map.of(), true)),
                new IdCall("getInstance", "instanceId", c -> c.getInstance(id)),
                new IdCall("sendEvent", "instanceId", c -> c.sendEvent(id, "go")),
                new IdCall("sendEvent", "eventName", c -> c.sendEvent("i1", id)),
                new IdCall("cancelEvent", "instanceId", c -> c.cancelEvent(id)),
                new IdCall("getInstanceHistory", "instanceId", c -> c.getInstanceHistory(id)),
                new IdCall("getInstanceStageHistory", "instanceId", c -> c.getInstanceStageHistory(id, 0)));
    }

    static Stream<Arguments> missingIds() {
        List<Arguments> cases = new ArrayList<>();
        for (String id : new String[] {null, "", "   ", "\t\n"}) {
            for (IdCall call : idCalls(id)) {
                cases.add(Arguments.of(call, id == null ? "null" : "blank"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("missingIds")
    void aMissingIdFailsBeforeAnyRequest(IdCall call, String what) {
        Throwable thrown = catchThrowable(() -> call.call().accept(client));
        TALLY.fault();
        TALLY.typedFailure();

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(call.operationId() + ": " + call.parameter() + " must not be " + what);
    }

    static Stream<Arguments> dotSegmentIds() {
        List<Arguments> cases = new ArrayList<>();
        for (String id : new String[] {"..", "."}) {
            for (IdCall call : idCalls(id)) {
                cases.add(Arguments.of(call, id));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("dotSegmentIds")
    void aDotSegmentIdFailsBeforeAnyRequest(IdCall call, String id) {
        Throwable thrown = catchThrowable(() -> call.call().accept(client));
        TALLY.fault();
        TALLY.typedFailure();

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(call.operationId() + ": " + call.parameter() + " must not be '" + id + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "%", "50%25", "a%26b", "a?c#d e;{x}", "é+ü", "x&running=true", "plain-id_1.2~3",
            "~%41", "../triggers/t9", "a/b", "a\\b", "w1/../../triggers", "a\r\nX-Injected: 1", "..."})
    void idsAndQueryValuesWithReservedCharactersArriveVerbatim(String value) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[]}")));

        client.deleteWorkflow(value);
        client.listInstances(InstanceQuery.ofWorkflow(value));
        client.listTriggers(value);
        TALLY.call();
        TALLY.call();
        TALLY.call();

        var requests = server.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        server.resetRequests();
        assertThat(requests).hasSize(3);
        for (var request : requests) {
            switch (request.getMethod().getName()) {
                case "DELETE" -> {
                    String raw = request.getUrl().substring("/workflows/".length());
                    assertThat(raw).doesNotContain("/").doesNotContain("+");
                    assertThat(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo(value);
                }
                case "GET" -> {
                    if (request.getUrl().startsWith("/instances")) {
                        assertThat(request.queryParameter("workflowID").values()).containsExactly(value);
                        assertThat(request.queryParameter("running").isPresent()).isFalse();
                    }
                    else {
                        assertThat(request.queryParameter("name").values()).containsExactly(value);
                    }
                }
                default -> throw new AssertionError(request.getMethod());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -100, Integer.MIN_VALUE})
    void aNegativeStageNumberFailsBeforeAnyRequest(int stage) {
        Throwable thrown = catchThrowable(() -> client.getInstanceStageHistory("i1", stage));
        TALLY.fault();
        TALLY.typedFailure();

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("getInstanceStageHistory: stageNumber must be >= 0, got " + stage);
    }

    @Test
    void nullBodiesFailBeforeAnyRequest() {
        assertThat(catchThrowable(() -> client.createTrigger(null)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("createTrigger: trigger must not be null");
        assertThat(catchThrowable(() -> client.createWorkflow(null)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("createWorkflow: config must not be null");
        TALLY.fault();
        TALLY.typedFailure();
        TALLY.fault();
        TALLY.typedFailure();
    }

    @Test
    void nullVariablesOfARunFailBeforeAnyRequest() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("amount", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "1");

        assertThat(catchThrowable(() -> client.runWorkflow("w1", nullValue)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("runWorkflow: variables must not hold a null value (variable 'amount')");
        assertThat(catchThrowable(() -> client.runWorkflow("w1", nullKey)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("runWorkflow: variables must not hold a null name");
        TALLY.fault();
        TALLY.typedFailure();
        TALLY.fault();
        TALLY.typedFailure();
    }

    /** A builder setting and the message it must fail with. */
    record BadSetting(String name, UnaryOperator<OrchestrationClientBuilder> setting, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<BadSetting> badSettings() {
        return List.of(
                new BadSetting("null baseUrl", b -> b.baseUrl(null), "baseUrl must not be blank"),
                new BadSetting("blank baseUrl", b -> b.baseUrl("  "), "baseUrl must not be blank"),
                new BadSetting("relative baseUrl", b -> b.baseUrl("/api"), "baseUrl must be an absolute http or https URL"),
                new BadSetting("ftp baseUrl", b -> b.baseUrl("ftp://127.0.0.1"), "baseUrl must be an absolute http or https URL"),
                new BadSetting("no host", b -> b.baseUrl("http:///x"), "baseUrl must be an absolute http or https URL"),
                new BadSetting("query", b -> b.baseUrl("http://127.0.0.1?a=b"), "baseUrl must not contain user credentials, a query"),
                new BadSetting("fragment", b -> b.baseUrl("http://127.0.0.1#f"), "baseUrl must not contain user credentials, a query"),
                new BadSetting("unparseable", b -> b.baseUrl("http://127.0.0.1/a b"), "baseUrl must be an absolute http or https URL"),
                new BadSetting("prefix with query", b -> b.pathPrefix("/api?x"), "pathPrefix must be a path"),
                new BadSetting("zero connect", b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be a positive duration"),
                new BadSetting("null read", b -> b.readTimeout(null), "readTimeout must be a positive duration"),
                new BadSetting("negative read", b -> b.readTimeout(Duration.ofSeconds(-1)), "readTimeout must be a positive duration"),
                new BadSetting("zero run wait", b -> b.runWaitTimeout(Duration.ZERO), "runWaitTimeout must be a positive duration"),
                new BadSetting("no connections", b -> b.maxConnections(0), "maxConnections must be at least 1"),
                new BadSetting("blank token", b -> b.bearerToken(" "), "bearer token must not be blank"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void anInvalidSettingFailsTheBuildNamingIt(BadSetting bad) {
        Throwable thrown = catchThrowable(() -> bad.setting().apply(FaultSupport.builder(server.baseUrl())).build());
        TALLY.fault();
        TALLY.typedFailure();

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(bad.message());
    }

    @Test
    void nullsTheBuilderCannotTakeFailNamingTheSetting() {
        assertThat(catchThrowable(() -> FaultSupport.builder(server.baseUrl()).logLevel(null).build()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("logLevel");
        assertThat(catchThrowable(() -> FaultSupport.builder(server.baseUrl()).jsonMapper(null).build()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("jsonMapper");
        assertThat(catchThrowable(() -> FaultSupport.builder(server.baseUrl()).interceptor(null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("interceptor");
        assertThat(catchThrowable(() -> FaultSupport.builder(server.baseUrl()).feignCustomizer(null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("customizer");
        assertThat(catchThrowable(() -> FaultSupport.builder(server.baseUrl()).bearerToken(null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("token");
        TALLY.fault();
        TALLY.typedFailure();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cr3t-pw@127.0.0.1", "ftp://user:s3cr3t-pw@127.0.0.1",
            "http://user:s3cr3t-pw@127.0.0.1/a b", "http://user:s3cr3t-pw@127.0.0.1/?q=1", "user:s3cr3t-pw@host"})
    void credentialsInABadBaseUrlNeverAppearInTheMessageOrTheBuilder(String url) {
        OrchestrationClientBuilder builder = FaultSupport.builder(server.baseUrl()).baseUrl(url);
        Throwable thrown = catchThrowable(builder::build);
        TALLY.fault();
        TALLY.typedFailure();

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertThat(chain.toString()).doesNotContain("s3cr3t-pw");
        assertThat(builder.toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void theBuilderAndTheClientNeverShowTheToken() throws Exception {
        OrchestrationClientBuilder builder = FaultSupport.builder(server.baseUrl());
        assertThat(builder.toString()).doesNotContain(FaultSupport.TOKEN);
        try (OrchestrationV1Client built = builder.build()) {
            assertThat(built.toString()).doesNotContain(FaultSupport.TOKEN).contains(server.baseUrl());
        }
        TALLY.call();
    }
}
