package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code CreditWallet} activity, the spec schema {@code ActivityCreditWallet}.
 *
 * @param id   the wallet id
 * @param data the credit request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityCreditWallet(@Nullable String id, @Nullable CreditWalletRequest data) {
}
