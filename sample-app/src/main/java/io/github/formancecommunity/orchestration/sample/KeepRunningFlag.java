package io.github.formancecommunity.orchestration.sample;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads {@value #PROPERTY} before the application starts, because it decides whether a web server starts at all.
 * It is taken from the command line ({@code --sample.keep-running=true}), Java system properties or the
 * environment ({@code SAMPLE_KEEP_RUNNING=true}), with Spring Boot's relaxed binding; not from
 * {@code application.yml}, which is read later.
 */
final class KeepRunningFlag {

    /** The property that keeps the application running after the report. */
    static final String PROPERTY = "sample.keep-running";

    private KeepRunningFlag() {
    }

    /**
     * Whether the flag is set to {@code true}.
     *
     * @throws org.springframework.boot.context.properties.bind.BindException when it is set to something that is
     *         not a boolean
     */
    static boolean isSet(String... args) {
        return isSet(new StandardEnvironment(), args);
    }

    /** Whether the flag is set in {@code args} or in {@code environment} (system properties and variables). */
    static boolean isSet(ConfigurableEnvironment environment, String... args) {
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind(PROPERTY, Boolean.class).orElse(false);
    }
}
