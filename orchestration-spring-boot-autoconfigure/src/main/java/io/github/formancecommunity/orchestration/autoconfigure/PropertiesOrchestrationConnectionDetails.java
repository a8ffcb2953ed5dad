package io.github.formancecommunity.orchestration.autoconfigure;

import java.util.Objects;

/** The {@link OrchestrationConnectionDetails} of {@code formance.orchestration.*}. */
public final class PropertiesOrchestrationConnectionDetails implements OrchestrationConnectionDetails {

    private final OrchestrationProperties properties;

    /**
     * Adapts the properties.
     *
     * @param properties the bound, validated properties
     */
    public PropertiesOrchestrationConnectionDetails(OrchestrationProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String getBaseUrl() {
        return properties.getBaseUrl().strip();
    }

    @Override
    public String getPathPrefix() {
        return properties.getPathPrefix();
    }

    @Override
    public Authentication getAuthentication() {
        OrchestrationProperties.Auth auth = properties.getAuth();
        return new Authentication(auth.getToken(), auth.getClientId(), auth.getClientSecret(), auth.getTokenUrl());
    }

    @Override
    public String toString() {
        return "PropertiesOrchestrationConnectionDetails[baseUrl=" + getBaseUrl() + ", pathPrefix=" + getPathPrefix()
                + ", " + getAuthentication() + "]";
    }
}
