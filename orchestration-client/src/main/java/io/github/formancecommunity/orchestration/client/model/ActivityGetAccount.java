package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code GetAccount} activity, the spec schema {@code ActivityGetAccount}.
 *
 * @param id     the account address
 * @param ledger the ledger
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityGetAccount(@Nullable String id, @Nullable String ledger) {
}
