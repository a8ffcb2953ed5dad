package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An amount of an asset, the spec schema {@code Monetary}. The amount is arbitrary precision; a value the server
 * re-renders in exponent notation ({@code 1.2345678901234568e+29}) is read as the integer it denotes.
 *
 * @param asset  the asset, e.g. {@code USD/2}
 * @param amount the amount in the asset's smallest unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Monetary(String asset, BigInteger amount) {

    /** A monetary value from a {@code long} amount. */
    public static Monetary of(String asset, long amount) {
        return new Monetary(asset, BigInteger.valueOf(amount));
    }
}
