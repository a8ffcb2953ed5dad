package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code GetWallet} activity, the spec schema {@code GetWalletResponse} (aliased as
 * {@code ActivityGetWalletOutput}).
 *
 * @param data the wallet with its balances
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetWalletResponse(@Nullable WalletWithBalances data) {
}
