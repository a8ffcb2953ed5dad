package io.github.formancecommunity.orchestration.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Keys of the environment that look like a misspelt {@code formance.orchestration.base-url}: a key under a
 * {@code formance.} prefix other than {@code formance.orchestration}, or a key under it whose last part resembles
 * {@code base-url}. Only names are returned, never values. Read on the failure path only.
 */
final class BaseUrlLookalikes {

    private static final ConfigurationPropertyName FORMANCE = ConfigurationPropertyName.of("formance");
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(OrchestrationProperties.PREFIX);
    private static final int LIMIT = 5;

    private BaseUrlLookalikes() {
    }

    static List<String> in(Environment environment) {
        TreeSet<String> found = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(FORMANCE::isAncestorOf).stream()
                        .filter(BaseUrlLookalikes::looksLikeBaseUrl)
                        .forEach(name -> found.add(name.toString()));
            }
        }
        return found.stream().limit(LIMIT).toList();
    }

    private static boolean looksLikeBaseUrl(ConfigurationPropertyName name) {
        String last = name.getLastElement(ConfigurationPropertyName.Form.UNIFORM).toLowerCase(Locale.ROOT);
        boolean urlLike = last.contains("url") || EditDistance.between(last, "baseurl") <= 2;
        if (ROOT.isAncestorOf(name)) {
            return name.getNumberOfElements() == ROOT.getNumberOfElements() + 1 && urlLike
                    && !last.equals("baseurl");
        }
        return urlLike;
    }
}
