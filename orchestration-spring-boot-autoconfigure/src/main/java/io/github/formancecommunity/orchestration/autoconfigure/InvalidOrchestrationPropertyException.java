package io.github.formancecommunity.orchestration.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One or more {@code formance.orchestration.*} properties have values the starter cannot work with. Thrown while
 * the application context starts; the message names every offending property and what is wrong with it.
 *
 * <p>Unlike Boot's {@code InvalidConfigurationPropertyValueException}, whose failure analysis prints the raw value
 * found in the environment, this exception and its failure analysis never show the value of a token or a client
 * secret.
 */
public class InvalidOrchestrationPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> violations;

    /**
     * Creates the exception.
     *
     * @param violations full property name to the reason it is invalid, in the order found; not empty
     */
    public InvalidOrchestrationPropertyException(Map<String, String> violations) {
        super(message(violations));
        this.violations = Collections.unmodifiableMap(new LinkedHashMap<>(violations));
    }

    /** The first offending property, e.g. {@code formance.orchestration.base-url}. */
    public String property() {
        return violations.keySet().iterator().next();
    }

    /** Every offending property with the reason, in the order they were checked. */
    public Map<String, String> violations() {
        return violations;
    }

    private static String message(Map<String, String> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        if (violations.size() == 1) {
            Map.Entry<String, String> only = violations.entrySet().iterator().next();
            return "Invalid configuration property '" + only.getKey() + "': " + only.getValue();
        }
        return violations.entrySet().stream()
                .map(entry -> "  - '" + entry.getKey() + "': " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator(),
                        "Invalid configuration properties:" + System.lineSeparator(), ""));
    }
}
