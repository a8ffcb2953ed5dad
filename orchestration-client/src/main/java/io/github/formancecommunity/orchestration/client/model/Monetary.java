package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An amount of an asset, the spec schema {@code Monetary}. The amount is arbitrary precision; a value the server
 * re-renders in exponent notation ({@code 1.2345678901234568e+29}) is read as the integer it denotes. In a
 * workflow config the amount may be a {@code ${variable}} placeholder, resolved when the stage runs; it is then
 * held by {@link #amountPlaceholder()} and {@link #amount()} is {@code null}.
 *
 * @param asset             the asset, e.g. {@code USD/2}
 * @param amount            the amount in the asset's smallest unit, {@code null} when it is a placeholder
 * @param amountPlaceholder the amount as a placeholder such as {@code ${amount}}, {@code null} when it is a number
 */
public record Monetary(@Nullable String asset, @Nullable BigInteger amount, @Nullable String amountPlaceholder) {

    public Monetary {
        StageJson.oneOf(amount, amountPlaceholder, "amount");
    }

    /** A monetary value of a known amount. */
    public Monetary(@Nullable String asset, BigInteger amount) {
        this(asset, amount, null);
    }

    /** A monetary value from a {@code long} amount. */
    public static Monetary of(String asset, long amount) {
        return new Monetary(asset, BigInteger.valueOf(amount));
    }

    /**
     * A monetary value whose amount is a decimal integer ({@code "100"}) or holds a placeholder
     * ({@code "${amount}"}); anything else is refused with an {@link IllegalArgumentException}.
     */
    public static Monetary of(String asset, String amount) {
        if (Placeholders.isPlaceholder(amount)) {
            return new Monetary(asset, null, amount);
        }
        try {
            return new Monetary(asset, new BigInteger(amount == null ? "" : amount));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    "amount must be a decimal integer or hold a ${variable} placeholder, got "
                    + (amount == null ? "null" : "\"" + amount + "\""), ex);
        }
    }

    /** Whether the amount is a placeholder resolved when the stage runs. */
    public boolean hasPlaceholder() {
        return amountPlaceholder != null;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable Monetary fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "amount");
        if (object == null) {
            return null;
        }
        return new Monetary(StageJson.string(object, "asset"), StageJson.integer(object, "amount"),
                StageJson.placeholder(object, "amount"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "asset", asset);
        if (amountPlaceholder != null) {
            node.put("amount", amountPlaceholder);
        }
        else if (amount != null) {
            node.put("amount", amount);
        }
        return node;
    }
}
