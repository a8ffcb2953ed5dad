package io.github.formancecommunity.orchestration.autoconfigure;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * Warns at start-up about every {@code formance.orchestration.*} key that no property binds, naming the closest
 * valid key: a misspelt {@code base-ulr} or {@code read-timout} is otherwise ignored without a word. It watches
 * the binding of {@link OrchestrationProperties} only and changes nothing in it.
 */
final class UnknownPropertyWarnings implements ConfigurationPropertiesBindHandlerAdvisor {

    private static final Log logger = LogFactory.getLog(UnknownPropertyWarnings.class);

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(OrchestrationProperties.PREFIX);

    private final Log log;

    UnknownPropertyWarnings() {
        this(logger);
    }

    UnknownPropertyWarnings(Log log) {
        this.log = log;
    }

    @Override
    public BindHandler apply(BindHandler bindHandler) {
        return new Tracking(bindHandler, log);
    }

    /** Records which names were looked up and which were bound, and reports the rest when the root finishes. */
    private static final class Tracking extends AbstractBindHandler {

        private final Log log;
        private final Set<ConfigurationPropertyName> known = new HashSet<>();
        private final Set<ConfigurationPropertyName> bound = new HashSet<>();
        private final Set<ConfigurationPropertyName> containers = new HashSet<>();

        Tracking(BindHandler parent, Log log) {
            super(parent);
            this.log = log;
        }

        @Override
        public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
            if (ROOT.isAncestorOf(name)) {
                known.add(name);
            }
            return super.onStart(name, target, context);
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Object result) {
            if (ROOT.equals(name) || ROOT.isAncestorOf(name)) {
                bound.add(name);
                if (result instanceof Map<?, ?> || result instanceof Collection<?>) {
                    containers.add(name);
                }
            }
            return super.onSuccess(name, target, context, result);
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Object result) throws Exception {
            if (ROOT.equals(name) && log.isWarnEnabled()) {
                for (ConfigurationPropertyName unknown : unknownNames(context)) {
                    log.warn(message(unknown));
                }
            }
            super.onFinish(name, target, context, result);
        }

        private Set<ConfigurationPropertyName> unknownNames(BindContext context) {
            Set<ConfigurationPropertyName> unknown = new TreeSet<>();
            for (ConfigurationPropertySource source : context.getSources()) {
                if (source instanceof IterableConfigurationPropertySource iterable) {
                    iterable.filter(ROOT::isAncestorOf).stream()
                            .filter(candidate -> !bound.contains(candidate) && !insideContainer(candidate))
                            .forEach(unknown::add);
                }
            }
            return unknown;
        }

        private boolean insideContainer(ConfigurationPropertyName name) {
            for (ConfigurationPropertyName parent = name.getParent(); !parent.isEmpty(); parent = parent.getParent()) {
                if (containers.contains(parent)) {
                    return true;
                }
            }
            return false;
        }

        private String message(ConfigurationPropertyName unknown) {
            String text = "Ignoring unknown property '" + unknown + "': no formance.orchestration property has "
                    + "this name";
            String closest = closest(unknown.toString());
            return closest == null ? text + "." : text + "; did you mean '" + closest + "'?";
        }

        private String closest(String unknown) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (ConfigurationPropertyName candidate : known) {
                String text = candidate.toString();
                int distance = EditDistance.between(unknown, text);
                if (distance < bestDistance || (distance == bestDistance && best != null && text.compareTo(best) < 0)) {
                    best = text;
                    bestDistance = distance;
                }
            }
            int leaf = unknown.length() - unknown.lastIndexOf('.') - 1;
            return bestDistance <= Math.max(2, leaf / 2) ? best : null;
        }
    }
}
