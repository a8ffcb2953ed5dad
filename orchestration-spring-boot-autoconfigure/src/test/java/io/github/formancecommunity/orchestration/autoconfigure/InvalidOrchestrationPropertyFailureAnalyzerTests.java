package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class InvalidOrchestrationPropertyFailureAnalyzerTests {

    @Test
    void describesEveryViolationAndSaysWhatToDo() {
        Map<String, String> violations = new LinkedHashMap<>();
        violations.put("formance.orchestration.base-url", "must be an absolute http or https URL");
        violations.put("formance.orchestration.read-timeout", "must be a positive duration");
        InvalidOrchestrationPropertyException cause = new InvalidOrchestrationPropertyException(violations);

        FailureAnalysis analysis = new InvalidOrchestrationPropertyFailureAnalyzer()
                .analyze(new BeanCreationException("orchestrationProperties", "wrapped", cause));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("'formance.orchestration.base-url': must be an absolute")
                .contains("'formance.orchestration.read-timeout': must be a positive duration");
        assertThat(analysis.getAction())
                .contains("formance.orchestration.base-url, formance.orchestration.read-timeout");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    /** Boot finds the analyzer through META-INF/spring.factories and prints its analysis. */
    void aFailedStartReportsThePropertyAndNeverTheSecret(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("formance.orchestration.auth.client-secret=s3cr3t-value",
                        "formance.orchestration.connect-timeout=0s");
        assertThatThrownBy(app::run).hasStackTraceContaining("formance.orchestration.auth.client-id");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("'formance.orchestration.auth.client-id': must be set when auth.client-secret is set")
                .contains("'formance.orchestration.connect-timeout': must be a positive duration")
                .contains("Correct formance.orchestration.connect-timeout, formance.orchestration.auth.client-id in")
                .doesNotContain("s3cr3t-value");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
