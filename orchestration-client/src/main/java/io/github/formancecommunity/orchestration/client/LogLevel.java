package io.github.formancecommunity.orchestration.client;

/**
 * How much of each exchange the client logs (logger {@code io.github.formancecommunity.orchestration.client.wire},
 * at INFO). The {@code Authorization} header is never logged.
 */
public enum LogLevel {
    /** Nothing. */
    NONE,
    /** Method, URL, status and elapsed time. */
    BASIC,
    /** {@link #BASIC} plus headers, {@code Authorization} left out. */
    HEADERS,
    /** {@link #HEADERS} plus bodies. */
    FULL
}
