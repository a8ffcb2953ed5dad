package io.github.formancecommunity.orchestration.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The connector (provider) of a payment, the spec schema {@code Connector}. An open enum: the eight spec values
 * have constants, and any other connector is kept as it came instead of failing.
 *
 * @param value the value as sent on the wire
 */
public record Connector(String value) implements OpenEnum {

    /** Stripe. */
    public static final Connector STRIPE = new Connector("STRIPE");
    /** The dummy test connector. */
    public static final Connector DUMMY_PAY = new Connector("DUMMY-PAY");
    /** Wise. */
    public static final Connector WISE = new Connector("WISE");
    /** Modulr. */
    public static final Connector MODULR = new Connector("MODULR");
    /** Currencycloud. */
    public static final Connector CURRENCY_CLOUD = new Connector("CURRENCY-CLOUD");
    /** Banking Circle. */
    public static final Connector BANKING_CIRCLE = new Connector("BANKING-CIRCLE");
    /** Mangopay. */
    public static final Connector MANGOPAY = new Connector("MANGOPAY");
    /** Moneycorp. */
    public static final Connector MONEYCORP = new Connector("MONEYCORP");

    private static final OpenEnumValues<Connector> VALUES = OpenEnumValues.of(Connector::new,
            STRIPE, DUMMY_PAY, WISE, MODULR, CURRENCY_CLOUD, BANKING_CIRCLE, MANGOPAY, MONEYCORP);


    public Connector {
        Objects.requireNonNull(value, "value");
    }

    /** Returns the constant for a known value, a new instance holding an unknown one, {@code null} for {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable Connector of(@Nullable String value) {
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
