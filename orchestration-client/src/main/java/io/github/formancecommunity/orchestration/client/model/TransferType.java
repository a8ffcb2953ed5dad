package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The transfer type of {@code StageSendDestinationPayment.type} and {@code CreateTransferInitiationRequest.type}
 * (an inline enum in the spec). An open enum: unknown values are kept as they came.
 *
 * @param value the type as sent on the wire
 */
public record TransferType(String value) implements OpenEnum {

    /** Internal to internal account transfer. */
    public static final TransferType TRANSFER = new TransferType("TRANSFER");
    /** Internal to external account payout. */
    public static final TransferType PAYOUT = new TransferType("PAYOUT");

    private static final OpenEnumValues<TransferType> VALUES = OpenEnumValues.of(TransferType::new,
            TRANSFER, PAYOUT);


    public TransferType {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable TransferType of(@Nullable String value) {
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
