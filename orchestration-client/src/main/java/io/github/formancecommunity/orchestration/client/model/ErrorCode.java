package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code errorCode} of an Orchestration error body. An open enum: the three codes the V1 server emits have
 * constants, and any other value is kept as it came instead of failing.
 *
 * @param value the code as sent on the wire
 */
public record ErrorCode(String value) implements OpenEnum {

    /** Invalid input (HTTP 400). */
    public static final ErrorCode VALIDATION = new ErrorCode("VALIDATION");
    /** Unknown resource (HTTP 404 on the endpoints that report it). */
    public static final ErrorCode NOT_FOUND = new ErrorCode("NOT_FOUND");
    /** Server-side failure (HTTP 500), also used by the server for several unknown ids. */
    public static final ErrorCode INTERNAL = new ErrorCode("INTERNAL");

    private static final OpenEnumValues<ErrorCode> VALUES = OpenEnumValues.of(ErrorCode::new,
            VALIDATION, NOT_FOUND, INTERNAL);

    public ErrorCode {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known code, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable ErrorCode of(@Nullable String value) {
        return VALUES.of(value);
    }

    /** Whether the value is one of the codes the spec lists, compared by value. */
    @Override
    public boolean isKnown() {
        return VALUES.isKnown(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
