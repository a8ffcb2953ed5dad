package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code GetPayment} activity, the spec schema {@code PaymentResponse} (aliased as
 * {@code ActivityGetPaymentOutput}).
 *
 * @param data the payment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentResponse(@Nullable Payment data) {
}
