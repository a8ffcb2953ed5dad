package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code GetPayment} activity, the spec schema {@code ActivityGetPayment}.
 *
 * @param id the payment id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityGetPayment(@Nullable String id) {
}
