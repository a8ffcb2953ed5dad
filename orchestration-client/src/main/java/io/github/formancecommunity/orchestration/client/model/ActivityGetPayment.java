package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code GetPayment} activity, the spec schema {@code ActivityGetPayment}.
 *
 * @param id the payment id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityGetPayment(String id) {
}
