package io.github.formancecommunity.orchestration.client.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;

/**
 * The code shown in {@code docs/models.md}, region by region ({@code tag::name[]} ... {@code end::name[]});
 * {@link ModelsDocSnippetsTest} runs it and checks that the page shows it unchanged.
 */
final class ModelsDocSnippets {

    private ModelsDocSnippets() {
    }

    static WorkflowConfig typedStages() {
        // tag::typed-stages[]
        WorkflowConfig config = WorkflowConfig.of("payout",
                WorkflowStage.send(StageSend.of(Monetary.of("EUR/2", 100),
                        StageSendSource.ofAccount("world", "default"),
                        StageSendDestination.ofWallet("wallet-1"))),
                WorkflowStage.waitEvent("approved"),
                WorkflowStage.delay(StageDelay.ofDuration(Duration.ofSeconds(30))));
        // end::typed-stages[]
        return config;
    }

    static Optional<String> readTyped(Workflow workflow) {
        // tag::read-typed[]
        WorkflowStage first = workflow.config().stages().get(0);
        Optional<String> asset = first.send().map(send -> send.amount().asset());
        // end::read-typed[]
        return asset;
    }

    static List<String> unrecognised(Workflow workflow) {
        // tag::unrecognised[]
        List<String> odd = workflow.config().stages().stream()
                .filter(WorkflowStage::isUnrecognised)
                .map(stage -> stage.unrecognised().orElseThrow().raw().toString())
                .toList();
        // end::unrecognised[]
        return odd;
    }

    static WorkflowConfig placeholders() {
        // tag::placeholders[]
        StageSend send = StageSend.of(Monetary.of("EUR/2", "${amount}"),
                        StageSendSource.ofAccount("world", "${ledger}"),
                        StageSendDestination.ofAccount("users:${user}", "${ledger}"))
                .withMetadata(Map.of("order", "${order}"))
                .withTimestamp("${date}");
        WorkflowConfig config = WorkflowConfig.of("variable-payout",
                WorkflowStage.send(send),
                WorkflowStage.delay(StageDelay.ofDuration("${wait}")),
                WorkflowStage.waitEvent("${event}"));
        // end::placeholders[]
        return config;
    }

    static String readPlaceholder(Workflow workflow) {
        // tag::read-placeholder[]
        Monetary amount = workflow.config().stages().get(0).send().orElseThrow().amount();
        String text = amount.hasPlaceholder() ? amount.amountPlaceholder() : amount.amount().toString();
        // end::read-placeholder[]
        return text;
    }

    static List<String> durations() {
        // tag::durations[]
        StageDelay ninetyMinutes = StageDelay.ofDuration(Duration.ofMinutes(90));      // "1h30m0s"
        StageDelay quarterSecond = StageDelay.ofDuration(Duration.ofMillis(250));      // "250ms"
        StageDelay fromVariable = StageDelay.ofDuration("${wait}");                    // resolved at run time
        Optional<Duration> back = StageDelay.ofDuration("1.5s").durationValue();       // PT1.5S
        // StageDelay.ofDuration("PT1S") throws IllegalArgumentException:
        //   delay duration "PT1S" is not a Go duration (such as 90s, 1h30m, 1.5s or 250ms; ...)
        // end::durations[]
        return List.of(ninetyMinutes.duration(), quarterSecond.duration(), fromVariable.duration(),
                back.orElseThrow().toString());
    }

    static String openEnums(OrchestrationApiException failure) {
        // tag::open-enums[]
        ErrorCode code = failure.errorCode();
        String meaning;
        if (code == null) {
            meaning = "no API error body";
        }
        else if (code.equals(ErrorCode.VALIDATION)) {
            meaning = "fix the request";
        }
        else if (!code.isKnown()) {
            meaning = "a code this client does not list: " + code.value();
        }
        else {
            meaning = "server side: " + code;
        }
        // end::open-enums[]
        return meaning;
    }
}
