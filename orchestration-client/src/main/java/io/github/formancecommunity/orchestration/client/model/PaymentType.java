package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a payment, the inline enum of {@code Payment.type} in the spec. An open enum: the four spec values
 * have constants, and any other value is kept as it came instead of failing.
 *
 * @param value the value as sent on the wire
 */
public record PaymentType(String value) {

    /** Money coming in. */
    public static final PaymentType PAY_IN = new PaymentType("PAY-IN");
    /** Money going out to an external account. */
    public static final PaymentType PAYOUT = new PaymentType("PAYOUT");
    /** A transfer between accounts. */
    public static final PaymentType TRANSFER = new PaymentType("TRANSFER");
    /** Any other payment. */
    public static final PaymentType OTHER = new PaymentType("OTHER");

    private static final Map<String, PaymentType> KNOWN = Stream.of(
            PAY_IN, PAYOUT, TRANSFER, OTHER)
            .collect(Collectors.toUnmodifiableMap(PaymentType::value, Function.identity()));

    public PaymentType {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, or a new instance holding an unknown one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PaymentType of(String value) {
        if (value == null) {
            return null;
        }
        PaymentType known = KNOWN.get(value);
        return known != null ? known : new PaymentType(value);
    }

    /** Whether the value is one the spec lists. */
    public boolean isKnown() {
        return KNOWN.containsKey(value);
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
