package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code DebitWallet} activity, the spec schema {@code DebitWalletResponse} (aliased as
 * {@code ActivityDebitWalletOutput}).
 *
 * @param data the hold
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DebitWalletResponse(@Nullable Hold data) {
}
