package io.github.formancecommunity.orchestration.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Reports every {@code formance.orchestration.*} value that cannot be converted (a {@code read-timeout: thirty})
 * together with the starter's own rule violations, in one {@link InvalidOrchestrationPropertyException}: Boot alone
 * would stop at the first conversion failure. Values are quoted as typed, except those of secret properties.
 */
final class BindingFailureCollector implements ConfigurationPropertiesBindHandlerAdvisor {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(OrchestrationProperties.PREFIX);

    private static final Set<String> SECRETS = Set.of("auth.token", "auth.client-secret", "proxy.password");

    @Override
    public BindHandler apply(BindHandler bindHandler) {
        return new Collecting(bindHandler);
    }

    private static final class Collecting extends AbstractBindHandler {

        private final Map<String, String> failures = new LinkedHashMap<>();

        Collecting(BindHandler parent) {
            super(parent);
        }

        @Override
        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) throws Exception {
            if (ROOT.isAncestorOf(name)) {
                failures.put(name.toString(), reason(name, target, context.getConfigurationProperty()));
                return null; // the property keeps its default; binding goes on to find the other failures
            }
            return super.onFailure(name, target, context, error);
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                @Nullable Object result) throws Exception {
            if (ROOT.equals(name) && !failures.isEmpty()) {
                Map<String, String> all = new LinkedHashMap<>(failures);
                if (result instanceof OrchestrationProperties properties) {
                    OrchestrationPropertiesValidator.violations(properties).forEach(all::putIfAbsent);
                }
                throw new InvalidOrchestrationPropertyException(all);
            }
            super.onFinish(name, target, context, result);
        }
    }

    static String reason(ConfigurationPropertyName name, Bindable<?> target,
            @Nullable ConfigurationProperty property) {
        Class<?> type = target.getType().resolve(Object.class);
        String expected;
        if (type == Duration.class) {
            expected = "must be a duration such as 500ms, 10s or 1m";
        }
        else if (type.isEnum()) {
            expected = "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            expected = "must be a whole number";
        }
        else if (type == float.class || type == Float.class || type == double.class || type == Double.class) {
            expected = "must be a number";
        }
        else if (type == boolean.class || type == Boolean.class) {
            expected = "must be true or false";
        }
        else {
            expected = "cannot be read as " + type.getSimpleName().toLowerCase(Locale.ROOT);
        }
        String relative = name.toString().substring(OrchestrationProperties.PREFIX.length() + 1);
        if (property == null || property.getValue() == null || SECRETS.contains(relative)) {
            return expected;
        }
        return expected + " (got '" + property.getValue() + "')";
    }
}
