package io.github.formancecommunity.orchestration.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import io.github.formancecommunity.orchestration.autoconfigure.auth.OrchestrationAuthAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.health.OrchestrationHealthAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.metrics.OrchestrationMetricsAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.metrics.OrchestrationObservationAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationCircuitBreakerAutoConfiguration;
import io.github.formancecommunity.orchestration.autoconfigure.resilience.OrchestrationRetryAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * Spring AOT processing of an application with the starter's auto-configurations, as {@code process-aot} does it at
 * build time: the beans become generated code, the conditions are evaluated once (so the properties they read are
 * fixed at build time) and the hints of the client and the auto-configuration are collected.
 */
class OrchestrationAotProcessingTests {

    private static final String BASE_URL = "formance.orchestration.base-url=http://127.0.0.1:9";

    @Test
    void theBeansOfEveryConcernBecomeGeneratedCode() {
        Processed processed = process(BASE_URL, "formance.orchestration.auth.client-id=app",
                "formance.orchestration.auth.client-secret=s3cr3t-value");

        assertThat(processed.sources()).contains("\"orchestrationV1Client\"", "\"orchestrationClientWarmUp\"",
                "\"orchestrationClientCredentialsTokenSource\"",
                "\"" + OrchestrationCircuitBreakerAutoConfiguration.CIRCUIT_BREAKER_BEAN_NAME + "\"",
                "\"" + OrchestrationHealthAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME + "\"",
                "OrchestrationMetricsAutoConfiguration", "OrchestrationRetryAutoConfiguration")
                .doesNotContain("\"orchestrationStaticTokenSource\"");
        // property values are read at run time: none is copied into the generated code
        assertThat(processed.sources()).doesNotContain("s3cr3t-value", "127.0.0.1:9");
    }

    @Test
    void theAuthModeIsFixedAtBuildTime() {
        Processed processed = process(BASE_URL, "formance.orchestration.auth.token=t0ken-value");

        assertThat(processed.sources()).contains("\"orchestrationStaticTokenSource\"")
                .doesNotContain("\"orchestrationClientCredentialsTokenSource\"", "t0ken-value");
    }

    @Test
    void disabledAtBuildTimeLeavesNoClientBean() {
        Processed processed = process("formance.orchestration.enabled=false");

        assertThat(processed.sources()).doesNotContain("\"orchestrationV1Client\"");
    }

    @Test
    void theHintsHoldThePropertiesBindingTheClientAndTheFailureAnalyzer() {
        RuntimeHints hints = process(BASE_URL).hints();

        assertThat(RuntimeHintsPredicates.reflection().onType(OrchestrationProperties.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Workflow.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(
                org.springframework.aot.hint.TypeReference.of(
                        OrchestrationV1.class.getPackageName() + ".OrchestrationV1Api"))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(InvalidOrchestrationPropertyFailureAnalyzer.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
    }

    private static Processed process(String... properties) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            TestPropertyValues.of(properties).applyTo(context);
            context.register(App.class);
            InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
            DefaultGenerationContext generation = new DefaultGenerationContext(
                    new ClassNameGenerator(ClassName.get(App.class)), files);
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
            generation.writeGeneratedContent();
            String sources = files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).values().stream()
                    .map(OrchestrationAotProcessingTests::read).collect(Collectors.joining("\n"));
            return new Processed(sources, generation.getRuntimeHints());
        }
    }

    private static String read(InputStreamSource source) {
        try (InputStream in = source.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Processed(String sources, RuntimeHints hints) {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, OrchestrationAutoConfiguration.class,
            OrchestrationAuthAutoConfiguration.class, OrchestrationCircuitBreakerAutoConfiguration.class,
            OrchestrationRetryAutoConfiguration.class, OrchestrationMetricsAutoConfiguration.class,
            OrchestrationObservationAutoConfiguration.class, OrchestrationHealthAutoConfiguration.class })
    static class App {
    }
}
