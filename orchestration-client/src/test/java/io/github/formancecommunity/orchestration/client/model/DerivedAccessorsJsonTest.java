package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;

/** Convenience accessors derived from the wire fields are not written back as fields the spec does not have. */
class DerivedAccessorsJsonTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-28T10:11:12Z");

    @Test
    void derivedAccessorsAreNotSerialised() {
        Workflow workflow = new Workflow("w1", WorkflowConfig.of("demo"), AT, AT, AT);
        StageStatus stage = new StageStatus(BigDecimal.ZERO, "i1", "run", AT, AT, "boom");
        WorkflowInstance instance = new WorkflowInstance("w1", workflow, "i1", AT, AT, true, AT, List.of(stage), null);

        String json = OrchestrationJson.mapper().writeValueAsString(instance);

        assertThat(workflow.isDeleted()).isTrue();
        assertThat(instance.isFailed()).isTrue();
        assertThat(stage.isTerminated()).isTrue();
        assertThat(json).doesNotContain("\"deleted\"").doesNotContain("\"failed\"")
                .contains("\"deletedAt\"", "\"terminated\":true", "\"error\":\"boom\"");
        assertThat(json.split("\"terminated\"", -1)).hasSize(2);
    }
}
