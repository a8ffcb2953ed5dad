package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

@ExtendWith(OutputCaptureExtension.class)
class OrchestrationDisabledFailureAnalyzerTests {

    @Test
    void anApplicationThatInjectsTheClientWhileTheStarterIsOffGetsTheReport(CapturedOutput output) {
        SpringApplication application = new SpringApplication(NeedsTheClient.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--formance.orchestration.enabled=false",
                "--spring.main.banner-mode=off")).isNotNull();

        assertThat(output).contains("the Orchestration starter is turned off by formance.orchestration.enabled=false")
                .contains("Remove formance.orchestration.enabled=false");
    }

    @Test
    void namesThePropertyWhenTheStarterIsTurnedOff() {
        FailureAnalysis analysis = analyzer("false").analyze(new NoSuchBeanDefinitionException(OrchestrationV1.class));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("formance.orchestration.enabled=false")
                .contains(OrchestrationV1.class.getName());
        assertThat(analysis.getAction()).contains("formance.orchestration.enabled").contains("ObjectProvider");
    }

    @Test
    void coversTheClientClassToo() {
        assertThat(analyzer("false").analyze(new NoSuchBeanDefinitionException(OrchestrationV1Client.class)))
                .isNotNull();
    }

    @Test
    void leavesOtherCasesToBoot() {
        assertThat(analyzer(null).analyze(new NoSuchBeanDefinitionException(OrchestrationV1.class))).isNull();
        assertThat(analyzer("true").analyze(new NoSuchBeanDefinitionException(OrchestrationV1.class))).isNull();
        assertThat(analyzer("false").analyze(new NoSuchBeanDefinitionException(String.class))).isNull();
    }

    private static OrchestrationDisabledFailureAnalyzer analyzer(String enabled) {
        MockEnvironment environment = new MockEnvironment();
        if (enabled != null) {
            environment.setProperty("formance.orchestration.enabled", enabled);
        }
        return new OrchestrationDisabledFailureAnalyzer(environment);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(OrchestrationAutoConfiguration.class)
    static class NeedsTheClient {

        @Bean
        String user(OrchestrationV1 orchestration) {
            return orchestration.toString();
        }
    }
}
