package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code RevertTransaction} activity, the spec schema {@code ActivityRevertTransaction}. The v2.6.0
 * worker does not register this activity.
 *
 * @param ledger the ledger
 * @param id     the transaction id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityRevertTransaction(@Nullable String ledger, @Nullable String id) {
}
