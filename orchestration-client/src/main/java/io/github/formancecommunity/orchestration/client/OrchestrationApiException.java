package io.github.formancecommunity.orchestration.client;

import java.time.Duration;
import java.util.Optional;

import io.github.formancecommunity.orchestration.client.model.ErrorCode;

/**
 * The server (or a gateway in front of it) answered with an error status.
 *
 * <p>When the body is the API's JSON error, {@link #errorCode()} and {@link #errorMessage()} carry it; for an
 * empty body (a 401, a panic) or a non-JSON one (a gateway's HTML 502 page) they are {@code null} and the message
 * says what came instead, with at most a short excerpt of the body.
 */
public class OrchestrationApiException extends OrchestrationException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ErrorCode errorCode;
    private final String errorMessage;
    private final String details;
    private final Duration retryAfter;

    public OrchestrationApiException(OrchestrationOperation operation, int status, ErrorCode errorCode,
            String errorMessage, String details, Duration retryAfter, String message) {
        super(operation, message, null);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The API error code, {@code null} when the body was not the API's JSON error. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The API error message, {@code null} when the body was not the API's JSON error. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The wire's optional {@code details}. */
    public String details() {
        return details;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the status is 4xx. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** Whether the status is 5xx. */
    public boolean isServerError() {
        return status >= 500;
    }
}
