package io.github.formancecommunity.orchestration.client.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workflow definition (spec schemas {@code WorkflowConfig} and its alias {@code CreateWorkflowRequest}): the
 * body of {@code createWorkflow} and the {@code config} of a {@link Workflow}.
 *
 * @param name   an optional name ({@code ""} when the server has none)
 * @param stages the stages in execution order; never {@code null} here, even when the wire says
 *               {@code "stages": null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowConfig(@Nullable String name, List<WorkflowStage> stages) {

    public WorkflowConfig {
        stages = stages == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    /** A config with the given name and stages. */
    public static WorkflowConfig of(@Nullable String name, WorkflowStage... stages) {
        return new WorkflowConfig(name, Arrays.asList(stages));
    }
}
