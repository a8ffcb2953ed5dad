package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet and its main balance, the spec schema {@code WalletWithBalances}.
 *
 * @param id        the wallet id
 * @param metadata  metadata of the wallet
 * @param name      the wallet name
 * @param createdAt the creation date
 * @param balances  the balances
 * @param ledger    the ledger holding the wallet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WalletWithBalances(
        @Nullable String id,
        @Nullable Map<String, String> metadata,
        @Nullable String name,
        @Nullable OffsetDateTime createdAt,
        @Nullable WalletBalances balances,
        @Nullable String ledger) {

    public WalletWithBalances {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
