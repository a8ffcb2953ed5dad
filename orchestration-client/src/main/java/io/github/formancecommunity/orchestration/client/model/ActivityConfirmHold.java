package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code ConfirmHold} activity, the spec schema {@code ActivityConfirmHold}.
 *
 * @param id the hold id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityConfirmHold(@Nullable String id) {
}
