package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The inline {@code balances} object of the spec schema {@code WalletWithBalances}.
 *
 * @param main the main balance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WalletBalances(@Nullable AssetHolder main) {
}
