package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A stage that is not a single-key object is kept as an unrecognised stage and written back unchanged. */
class UnrecognisedStageTest {

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"send\":{},\"delay\":{\"duration\":\"5s\"}}", "{\"a\":1,\"b\":[true,null],\"c\":{}}",
            "[1,2]", "\"send\"", "12345678901234567890.5"})
    void isKeptRawAndRoundTrips(String element) {
        String config = "{\"name\":\"n\",\"stages\":[{\"wait_event\":{\"event\":\"go\"}}," + element + "]}";

        WorkflowConfig decoded = mapper.readValue(config, WorkflowConfig.class);

        WorkflowStage stage = decoded.stages().get(1);
        assertThat(stage.isUnrecognised()).isTrue();
        assertThat(stage.type()).isNull();
        assertThat(stage.unrecognised().orElseThrow().raw()).isEqualTo(mapper.readTree(element));
        assertThat(stage.send()).isEmpty();
        assertThat(stage.delay()).isEmpty();
        assertThat(decoded.stages().get(0).isUnrecognised()).isFalse();
        assertThat(decoded.stages().get(0).unrecognised()).isEmpty();
        JsonNode written = mapper.valueToTree(decoded);
        assertThat(written).isEqualTo(mapper.readTree(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"\":{}}", "{\"noop\":{}}", "{\"send\":\"not an object\"}"})
    void aSingleKeyObjectIsAStageOfThatTypeWhateverItsKeyOrValue(String element) {
        WorkflowStage stage = mapper.readValue(element, WorkflowStage.class);

        assertThat(stage.isUnrecognised()).isFalse();
        assertThat(stage.type()).isEqualTo(mapper.readTree(element).propertyNames().iterator().next());
        assertThat(stage.send()).isEmpty();
        assertThat(mapper.writeValueAsString(stage)).isEqualTo(element);
    }
}
