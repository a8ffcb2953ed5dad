package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/**
 * Explains a start-up that fails for want of an {@link OrchestrationV1} bean while
 * {@code formance.orchestration.enabled=false} turns the starter off: Boot's generic report would not name the
 * property. Other missing beans are left to Boot's own analyzer.
 */
class OrchestrationDisabledFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    private static final String ENABLED = OrchestrationProperties.PREFIX + ".enabled";

    private final Environment environment;

    OrchestrationDisabledFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        ResolvableType missing = cause.getResolvableType();
        Class<?> type = missing == null ? cause.getBeanType() : missing.resolve();
        if (type == null || !OrchestrationV1.class.isAssignableFrom(type)
                || environment.getProperty(ENABLED, Boolean.class, true)) {
            return null;
        }
        String description = "A bean of type '" + type.getName() + "' is required, but the Orchestration starter "
                + "is turned off by " + ENABLED + "=false, so no OrchestrationV1 client is registered.";
        String action = "Remove " + ENABLED + "=false (or set it to true) to let the starter register the client, "
                + "or make the injection point optional (ObjectProvider<OrchestrationV1>) where the client may be "
                + "absent.";
        return new FailureAnalysis(description, action, cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
