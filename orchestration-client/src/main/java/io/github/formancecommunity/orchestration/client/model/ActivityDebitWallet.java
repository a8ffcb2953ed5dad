package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code DebitWallet} activity, the spec schema {@code ActivityDebitWallet}.
 *
 * @param id   the wallet id
 * @param data the debit request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityDebitWallet(@Nullable String id, @Nullable DebitWalletRequest data) {
}
