package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code DebitWallet} activity, the spec schema {@code ActivityDebitWallet}.
 *
 * @param id   the wallet id
 * @param data the debit request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityDebitWallet(String id, DebitWalletRequest data) {
}
