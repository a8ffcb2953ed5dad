package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a payment, the inline enum of {@code Payment.type} in the spec. An open enum: the four spec values
 * have constants, and any other value is kept as it came instead of failing.
 *
 * @param value the value as sent on the wire
 */
public record PaymentType(String value) implements OpenEnum {

    /** Money coming in. */
    public static final PaymentType PAY_IN = new PaymentType("PAY-IN");
    /** Money going out to an external account. */
    public static final PaymentType PAYOUT = new PaymentType("PAYOUT");
    /** A transfer between accounts. */
    public static final PaymentType TRANSFER = new PaymentType("TRANSFER");
    /** Any other payment. */
    public static final PaymentType OTHER = new PaymentType("OTHER");

    private static final OpenEnumValues<PaymentType> VALUES = OpenEnumValues.of(PaymentType::new,
            PAY_IN, PAYOUT, TRANSFER, OTHER);


    public PaymentType {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable PaymentType of(@Nullable String value) {
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
