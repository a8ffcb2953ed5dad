package io.github.formancecommunity.orchestration.client.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code delay} stage, the spec schema {@code StageDelay}. Exactly one of {@code until} and {@code duration}
 * should be set.
 *
 * <p>{@code duration} is Go duration text ({@code 5s}, {@code 1h30m0s}, {@code 250ms}; not ISO-8601), or holds a
 * {@code ${variable}} placeholder; any other text is refused when the stage is built, since the server would only
 * fail when the stage runs. {@link #ofDuration(Duration)} renders a {@link Duration} in the canonical form the
 * server echoes ({@code 1h} becomes {@code 1h0m0s}).
 *
 * @param until            the instant to wait for, {@code null} when absent or a placeholder
 * @param duration         the Go duration text, or a placeholder
 * @param untilPlaceholder {@code until} as a placeholder such as {@code ${date}}
 */
public record StageDelay(@Nullable OffsetDateTime until, @Nullable String duration, @Nullable String untilPlaceholder) {

    public StageDelay {
        StageJson.oneOf(until, untilPlaceholder, "until");
        if (duration != null && !Placeholders.isPlaceholder(duration) && GoDuration.parse(duration) == null) {
            throw new IllegalArgumentException("delay duration \"" + duration + "\" is not a Go duration (such as"
                    + " 90s, 1h30m, 1.5s or 250ms; units ns, us, ms, s, m, h) nor a ${variable} placeholder");
        }
    }

    /** A delay of an instant or a duration text. */
    public StageDelay(@Nullable OffsetDateTime until, @Nullable String duration) {
        this(until, duration, null);
    }

    /** A delay of a duration, sent as Go duration text (e.g. {@code 1h30m0s}, {@code 1.5s}, {@code 250ms}). */
    public static StageDelay ofDuration(Duration duration) {
        return new StageDelay(null, GoDuration.format(java.util.Objects.requireNonNull(duration, "duration")));
    }

    /**
     * A delay of Go duration text, e.g. {@code "5s"}, or of a placeholder such as {@code "${wait}"}; any other
     * text (ISO-8601 {@code PT1S} included) is refused with an {@link IllegalArgumentException}.
     */
    public static StageDelay ofDuration(String duration) {
        return new StageDelay(null, java.util.Objects.requireNonNull(duration, "duration"));
    }

    /** A delay until the given instant. */
    public static StageDelay ofUntil(OffsetDateTime until) {
        return new StageDelay(until, null);
    }

    /** A delay until an instant given by a placeholder such as {@code "${date}"}. */
    public static StageDelay ofUntil(String placeholder) {
        return new StageDelay(null, null, Placeholders.require(placeholder, "until", "a date-time"));
    }

    /** The duration as a {@link Duration}; empty when absent or a placeholder. */
    public Optional<Duration> durationValue() {
        return duration == null ? Optional.empty() : Optional.ofNullable(GoDuration.parse(duration));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageDelay fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "delay");
        if (object == null) {
            return null;
        }
        return new StageDelay(StageJson.dateTime(object, "until"), StageJson.string(object, "duration"),
                StageJson.placeholder(object, "until"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "until", until, untilPlaceholder);
        StageJson.put(node, "duration", duration);
        return node;
    }
}
