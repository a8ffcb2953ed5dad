package io.github.formancecommunity.orchestration.client;

/**
 * The most a response may hold: the body after decompression, the number of header fields and the length of one
 * header line. A response beyond a limit ends the call with an {@link OrchestrationResponseException} naming the
 * limit and the property that sets it.
 *
 * @param maxBodySize        the largest body, in bytes after decompression
 * @param maxHeaderCount     the most header fields of a response
 * @param maxHeaderLineLength the longest status or header line, in bytes
 */
record ResponseLimits(int maxBodySize, int maxHeaderCount, int maxHeaderLineLength) {

    /** 32 MiB: a {@code listInstances} answer of 26 000 to 58 000 instances (see docs/hostile-servers.md). */
    static final int DEFAULT_MAX_BODY_SIZE = 32 * 1024 * 1024;
    /** 100 header fields, Apache httpd's {@code LimitRequestFields}. */
    static final int DEFAULT_MAX_HEADER_COUNT = 100;
    /** 8 KiB per line, the line limit of Apache httpd and nginx. */
    static final int DEFAULT_MAX_HEADER_LINE_LENGTH = 8 * 1024;
    /** The most of an error body that is read: enough for any API error, an HTML error page is cut. */
    static final int MAX_ERROR_BODY = 64 * 1024;
    /** The largest body any limit may allow: the largest array the JVM allocates. */
    static final int LARGEST_BODY = Integer.MAX_VALUE - 8;

    static final String BODY_PROPERTY = "formance.orchestration.limits.max-response-body-size";
    static final String HEADER_COUNT_PROPERTY = "formance.orchestration.limits.max-header-count";
    static final String HEADER_LINE_PROPERTY = "formance.orchestration.limits.max-header-line-length";

    static final ResponseLimits DEFAULTS = new ResponseLimits(DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_HEADER_COUNT,
            DEFAULT_MAX_HEADER_LINE_LENGTH);

    /** The exception of a body larger than the limit; {@code size} is what is known of it (at least). */
    static OrchestrationResponseException bodyTooLarge(OrchestrationOperation operation, int status, long limit,
            String size) {
        return new OrchestrationResponseException(operation, status, CallDeadline.name(operation) + ": HTTP " + status
                + " with a body larger than the limit of " + Durations.size(limit) + " (" + size + "; "
                + BODY_PROPERTY + ", OrchestrationClientBuilder.maxResponseBodySize)", null);
    }
}
