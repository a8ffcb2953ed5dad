package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code delay} stage, the spec schema {@code StageDelay}. Exactly one of the two fields should be set.
 *
 * @param until    the instant to wait for
 * @param duration a Go duration string such as {@code 5s} or {@code 1m30s} (not ISO-8601); the server re-renders
 *                 it in its canonical form, e.g. {@code 1h} becomes {@code 1h0m0s}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageDelay(OffsetDateTime until, String duration) {

    /** A delay of a Go duration, e.g. {@code "5s"}. */
    public static StageDelay ofDuration(String duration) {
        return new StageDelay(null, duration);
    }

    /** A delay until the given instant. */
    public static StageDelay ofUntil(OffsetDateTime until) {
        return new StageDelay(until, null);
    }
}
