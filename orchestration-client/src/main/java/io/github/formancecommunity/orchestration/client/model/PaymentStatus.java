package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a payment or adjustment, the spec schema {@code PaymentStatus}. An open enum: the six spec values
 * have constants, and any other value is kept as it came instead of failing.
 *
 * @param value the value as sent on the wire
 */
public record PaymentStatus(String value) implements OpenEnum {

    /** Pending. */
    public static final PaymentStatus PENDING = new PaymentStatus("PENDING");
    /** Active. */
    public static final PaymentStatus ACTIVE = new PaymentStatus("ACTIVE");
    /** Terminated. */
    public static final PaymentStatus TERMINATED = new PaymentStatus("TERMINATED");
    /** Failed. */
    public static final PaymentStatus FAILED = new PaymentStatus("FAILED");
    /** Succeeded. */
    public static final PaymentStatus SUCCEEDED = new PaymentStatus("SUCCEEDED");
    /** Cancelled. */
    public static final PaymentStatus CANCELLED = new PaymentStatus("CANCELLED");

    private static final OpenEnumValues<PaymentStatus> VALUES = OpenEnumValues.of(PaymentStatus::new,
            PENDING, ACTIVE, TERMINATED, FAILED, SUCCEEDED, CANCELLED);


    public PaymentStatus {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable PaymentStatus of(@Nullable String value) {
        return VALUES.of(value);
    }

    /** Whether the value is one the spec lists, compared by value. */
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
