package io.github.formancecommunity.orchestration.test.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestration;
import io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestrationExtension;

/**
 * The hints Spring AOT collects on this module's class path (as an application using the embedded server at
 * development time, or its tests, has it): this module's test support and the client's models the server converts
 * its answers into.
 */
class EmbeddedOrchestrationRuntimeHintsTest {

    private static final RuntimeHints hints = new RuntimeHints();

    @BeforeAll
    static void registerAsSpringAotDoes() {
        ClassLoader loader = EmbeddedOrchestrationRuntimeHintsTest.class.getClassLoader();
        var registrars = AotServices.factories(loader).load(RuntimeHintsRegistrar.class).asList();
        assertThat(registrars).hasAtLeastOneElementOfType(EmbeddedOrchestrationRuntimeHints.class);
        registrars.forEach(registrar -> registrar.registerHints(hints, loader));
    }

    @Test
    void theNamedTypesAreTheModulesOwn() {
        assertThat(EmbeddedOrchestrationRuntimeHints.CONTEXT_CUSTOMIZER_FACTORY)
                .isEqualTo(EmbeddedOrchestrationContextCustomizerFactory.class.getName());
        assertThat(EmbeddedOrchestrationRuntimeHints.SPRING_ANNOTATION)
                .isEqualTo(AutoConfigureEmbeddedOrchestration.class.getName());
        assertThat(EmbeddedOrchestrationRuntimeHints.EXTENSION).isEqualTo(EmbeddedOrchestrationExtension.class.getName());
        assertThat(EmbeddedOrchestrationRuntimeHints.JUNIT_ANNOTATION).isEqualTo(EmbeddedOrchestration.class.getName());
    }

    @Test
    void theTestContextFactoryAndTheJunitExtensionCanBeInstantiated() throws Exception {
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
                EmbeddedOrchestrationContextCustomizerFactory.class.getConstructor())).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(EmbeddedOrchestrationExtension.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
    }

    @Test
    void theAnnotationAttributesCanBeRead() {
        for (Class<?> annotation : new Class<?>[] { EmbeddedOrchestration.class,
                AutoConfigureEmbeddedOrchestration.class }) {
            for (Method attribute : annotation.getDeclaredMethods()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(attribute))
                        .as(attribute.toString()).accepts(hints);
            }
        }
    }

    @Test
    void theClientModelsTheServerAnswersWithAreRegistered() {
        for (Class<?> model : new Class<?>[] { WorkflowInstance.class, TriggerOccurrence.class }) {
            assertThat(RuntimeHintsPredicates.reflection().onType(model)
                    .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(model.getName())
                    .accepts(hints);
        }
    }

    @Test
    void theHintsRegisterWithoutJunitOrSpringTestOnTheClassPath() throws Exception {
        // as in an application that starts the server at development time (the sample app's AOT processing)
        try (URLClassLoader isolated = new URLClassLoader(withoutTestFrameworks(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.springframework.test.context.ContextCustomizerFactory", false,
                    isolated)).isInstanceOf(ClassNotFoundException.class);
            Class<?> hintsType = Class.forName(RuntimeHints.class.getName(), true, isolated);
            Object isolatedHints = hintsType.getConstructor().newInstance();
            Constructor<?> constructor = Class.forName(EmbeddedOrchestrationRuntimeHints.class.getName(), true,
                    isolated).getDeclaredConstructor();
            constructor.setAccessible(true);
            Object registrar = constructor.newInstance();
            Class<?> registrarType = Class.forName(RuntimeHintsRegistrar.class.getName(), true, isolated);
            registrarType.getMethod("registerHints", hintsType, ClassLoader.class).invoke(registrar, isolatedHints,
                    isolated);
        }
    }

    @Test
    void withoutTheRegistrarsNothingIsRegistered() {
        assertThat(RuntimeHintsPredicates.reflection().onType(EmbeddedOrchestrationExtension.class)).rejects(
                new RuntimeHints());
    }

    private static URL[] withoutTestFrameworks() throws MalformedURLException {
        Pattern testOnly = Pattern.compile(
                ".*(junit-|opentest4j|spring-test-|spring-boot-test|test-classes|assertj|awaitility|mockito).*");
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!testOnly.matcher(entry.replace('\\', '/')).matches()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
