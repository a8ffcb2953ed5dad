package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code GetWallet} activity, the spec schema {@code ActivityGetWallet}.
 *
 * @param id the wallet id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityGetWallet(@Nullable String id) {
}
