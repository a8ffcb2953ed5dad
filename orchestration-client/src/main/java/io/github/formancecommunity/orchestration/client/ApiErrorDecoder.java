package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.github.formancecommunity.orchestration.client.model.ApiError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every non-2xx response into an {@link OrchestrationApiException}: the API's JSON error when the body is
 * one, otherwise the status with a short excerpt of whatever came (nothing, an HTML page, broken JSON). The token
 * the request carried is masked wherever the body echoes it. On a 401 it tells the token source which token was
 * rejected.
 *
 * <p>At most {@link BodyExcerpt#MAX_ERROR_BODY} bytes of an error body are read (after decompression); the rest is
 * not read, and the connection is discarded instead. An error without {@code errorMessage} says that the server
 * gave none.
 */
final class ApiErrorDecoder implements ErrorDecoder {

    private static final int MAX_MESSAGE = 500;

    private final JsonMapper mapper;
    private final BearerTokenSource tokenSource;

    ApiErrorDecoder(JsonMapper mapper, BearerTokenSource tokenSource) {
        this.mapper = mapper;
        this.tokenSource = tokenSource;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        OrchestrationOperation operation = Operations.of(response.request());
        int status = response.status();
        if (status == 401) {
            invalidateRejectedToken(response);
        }
        TokenRedaction redaction = TokenRedaction.of(response.request());
        Duration retryAfter = retryAfter(response.headers());
        String prefix = (operation == null ? methodKey : operation.operationId()) + " failed: HTTP " + status;
        byte[] body;
        try {
            body = BodyExcerpt.readBounded(response, BodyExcerpt.MAX_ERROR_BODY);
        }
        catch (IOException ex) {
            return new OrchestrationApiException(operation, status, null, null, null, retryAfter,
                    prefix + " (the error body could not be read: " + BodyExcerpt.truncate(ex.getMessage(), 300)
                            + ")");
        }
        if (body.length == 0) {
            return new OrchestrationApiException(operation, status, null, null, null, retryAfter,
                    prefix + " with an empty body" + (status == 401 ? " (missing, invalid or expired token)" : ""));
        }
        ApiError error = parse(body, BodyExcerpt.contentType(response));
        if (error == null || error.errorCode() == null) {
            String contentType = BodyExcerpt.contentType(response);
            return new OrchestrationApiException(operation, status, null, null, null, retryAfter,
                    prefix + " with a body that is not an API error (" + (contentType == null ? "no content type"
                            : contentType) + (body.length >= BodyExcerpt.MAX_ERROR_BODY ? ", read up to the "
                                    + Durations.size(BodyExcerpt.MAX_ERROR_BODY) + " limit of error bodies" : "")
                            + "): " + BodyExcerpt.excerpt(body, redaction));
        }
        String errorMessage = redaction.apply(error.errorMessage());
        String details = redaction.apply(error.details());
        String message = prefix + " " + BodyExcerpt.truncate(redaction.apply(error.errorCode().value()), MAX_MESSAGE)
                + ": " + (errorMessage == null || errorMessage.isBlank() ? "(the server gave no message)"
                        : BodyExcerpt.truncate(errorMessage, MAX_MESSAGE))
                + (details == null ? "" : " (" + BodyExcerpt.truncate(details, MAX_MESSAGE) + ")");
        return new OrchestrationApiException(operation, status, error.errorCode(), errorMessage, details, retryAfter,
                message);
    }

    private ApiError parse(byte[] body, String contentType) {
        if (!BodyExcerpt.isJson(contentType) || body.length >= BodyExcerpt.MAX_ERROR_BODY) {
            return null;
        }
        try {
            return mapper.readValue(body, ApiError.class);
        }
        catch (JacksonException | StackOverflowError ex) {
            return null;
        }
        catch (RuntimeException ex) {
            return null; // not an API error, whatever the mapper made of it
        }
    }

    private void invalidateRejectedToken(Response response) {
        if (tokenSource == null || response.request() == null) {
            return;
        }
        Collection<String> values = header(response.request().headers(), "Authorization");
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokenSource.invalidate(value.substring(7));
            }
        }
    }

    static Duration retryAfter(Map<String, Collection<String>> headers) {
        Collection<String> values = header(headers, "Retry-After");
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.iterator().next().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        }
        catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return delay.isNegative() ? Duration.ZERO : delay;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Collection<String> header(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
