package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code ListWallets} activity, the spec schema {@code ListWalletsResponse}.
 *
 * @param cursor the page of wallets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListWalletsResponse(@Nullable WalletCursor cursor) {
}
