package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code ListWallets} activity, the spec schema {@code ActivityListWallets}.
 *
 * @param name the wallet name to look for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityListWallets(@Nullable String name) {
}
