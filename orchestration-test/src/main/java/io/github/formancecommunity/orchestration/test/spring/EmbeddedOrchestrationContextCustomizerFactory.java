package io.github.formancecommunity.orchestration.test.spring;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: gives every test class annotated with
 * {@link AutoConfigureEmbeddedOrchestration} (directly, on a superclass or an enclosing class) a context
 * customizer that starts the embedded server.
 */
public final class EmbeddedOrchestrationContextCustomizerFactory implements ContextCustomizerFactory {

    /** Created by the Spring TestContext framework. */
    public EmbeddedOrchestrationContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureEmbeddedOrchestration annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureEmbeddedOrchestration.class);
        return annotation == null ? null : new EmbeddedOrchestrationContextCustomizer(
                EmbeddedOrchestrationContextCustomizer.Settings.of(annotation));
    }
}
