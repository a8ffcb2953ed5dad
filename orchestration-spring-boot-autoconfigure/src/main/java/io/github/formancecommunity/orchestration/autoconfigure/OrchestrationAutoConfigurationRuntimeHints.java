package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The native-image hints of the auto-configuration, registered for Spring AOT in
 * {@code META-INF/spring/aot.factories}: the failure analyzer Boot instantiates from {@code META-INF/spring.factories}
 * when the start fails on an invalid property.
 *
 * <p>Everything else the auto-configuration does needs no hint of its own: Spring AOT turns its beans into generated
 * code, Spring Boot registers the binding hints of {@link OrchestrationProperties}, and the client's models, Feign
 * proxy and resources come with the client ({@code OrchestrationClientRuntimeHints}).
 */
final class OrchestrationAutoConfigurationRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.reflection().registerType(InvalidOrchestrationPropertyFailureAnalyzer.class,
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
    }
}
