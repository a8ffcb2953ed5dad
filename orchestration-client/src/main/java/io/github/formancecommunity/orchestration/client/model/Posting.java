package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One movement of a ledger transaction, the spec schema {@code Posting}.
 *
 * @param amount      the amount, arbitrary precision
 * @param asset       the asset
 * @param destination the destination account address
 * @param source      the source account address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Posting(@Nullable BigInteger amount, @Nullable String asset, @Nullable String destination,
        @Nullable String source) {
}
