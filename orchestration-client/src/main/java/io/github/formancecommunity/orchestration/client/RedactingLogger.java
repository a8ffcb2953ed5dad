package io.github.formancecommunity.orchestration.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feign's wire log through SLF4J at INFO, never writing the {@code Authorization} header or cookies. */
final class RedactingLogger extends feign.Logger {

    static final String LOGGER_NAME = "io.github.formancecommunity.orchestration.client.wire";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return !isSecret(header);
    }

    @Override
    protected boolean shouldLogResponseHeader(String header) {
        return !isSecret(header);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (LOG.isInfoEnabled()) {
            LOG.info(String.format(methodTag(configKey) + format, args));
        }
    }

    static boolean isSecret(String header) {
        return "Authorization".equalsIgnoreCase(header) || "Proxy-Authorization".equalsIgnoreCase(header)
                || "Cookie".equalsIgnoreCase(header) || "Set-Cookie".equalsIgnoreCase(header);
    }
}
