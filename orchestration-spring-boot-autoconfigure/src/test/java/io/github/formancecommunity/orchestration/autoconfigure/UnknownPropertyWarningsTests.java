package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;

@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertyWarningsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class))
            .withPropertyValues("formance.orchestration.base-url=http://localhost:1",
                    "formance.orchestration.initialization=lazy");

    @Test
    void aMisspeltKeyIsReportedWithTheClosestValidOne(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.read-timout=10s", "formance.orchestration.auth.tokn=x")
                .run(context -> {
                    assertThat(context).hasSingleBean(OrchestrationV1.class);
                    assertThat(output).contains("Ignoring unknown property 'formance.orchestration.read-timout'")
                            .contains("did you mean 'formance.orchestration.read-timeout'?")
                            .contains("Ignoring unknown property 'formance.orchestration.auth.tokn'")
                            .contains("did you mean 'formance.orchestration.auth.token'?");
                });
    }

    @Test
    void aKeyFarFromEveryPropertyIsReportedWithoutSuggestion(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.completely-different=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("Ignoring unknown property 'formance.orchestration.completely-different': "
                    + "no formance.orchestration property has this name.");
        });
    }

    @Test
    void knownKeysAndOtherPrefixesAreNotReported(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.read-timeout=10s",
                "formance.orchestration.retry.max-attempts=2", "formance.other.base-ulr=x", "spring.foo=bar")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).doesNotContain("Ignoring unknown property");
                });
    }

    @Test
    void theValueOfAnUnknownKeyIsNeverEchoed(CapturedOutput output) {
        runner.withPropertyValues("formance.orchestration.auth.client-secrett=hunter2-secret").run(context -> {
            assertThat(output).contains("formance.orchestration.auth.client-secrett")
                    .contains("did you mean 'formance.orchestration.auth.client-secret'?")
                    .doesNotContain("hunter2-secret");
        });
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(EditDistance.between("base-ulr", "base-url")).isEqualTo(2);
        assertThat(EditDistance.between("read-timout", "read-timeout")).isEqualTo(1);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("same", "same")).isZero();
    }
}
