package io.github.formancecommunity.orchestration.test.spring;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The native-image hints of the embedded server's test and development-time support, registered for Spring AOT in
 * {@code META-INF/spring/aot.factories}: the Spring TestContext factory listed in {@code META-INF/spring.factories},
 * the JUnit extension that {@code @EmbeddedOrchestration} names, and the two annotations whose attributes are read
 * reflectively.
 *
 * <p>The server itself needs no hint of its own: it serves with the JDK's {@code com.sun.net.httpserver}, writes JSON
 * trees, and reads and writes the client's models, whose hints come with the client
 * ({@code OrchestrationClientRuntimeHints} and the client jar's reachability metadata). The types are named,
 * not loaded: JUnit, spring-test and spring-boot-test are optional dependencies of this module, absent from an
 * application that starts the server at development time.
 */
final class EmbeddedOrchestrationRuntimeHints implements RuntimeHintsRegistrar {

    static final String CONTEXT_CUSTOMIZER_FACTORY =
            "io.github.formancecommunity.orchestration.test.spring.EmbeddedOrchestrationContextCustomizerFactory";
    static final String SPRING_ANNOTATION =
            "io.github.formancecommunity.orchestration.test.spring.AutoConfigureEmbeddedOrchestration";
    static final String EXTENSION = "io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestrationExtension";
    static final String JUNIT_ANNOTATION = "io.github.formancecommunity.orchestration.test.junit.EmbeddedOrchestration";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.reflection().registerType(TypeReference.of(CONTEXT_CUSTOMIZER_FACTORY),
                MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        hints.reflection().registerType(TypeReference.of(SPRING_ANNOTATION), MemberCategory.INVOKE_PUBLIC_METHODS);
        hints.reflection().registerType(TypeReference.of(EXTENSION), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                MemberCategory.INVOKE_DECLARED_METHODS);
        hints.reflection().registerType(TypeReference.of(JUNIT_ANNOTATION), MemberCategory.INVOKE_PUBLIC_METHODS);
    }
}
