package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A change of a payment, the spec schema {@code PaymentAdjustment}.
 *
 * @param status   the status after the adjustment
 * @param amount   the amount, arbitrary precision
 * @param date     the adjustment date
 * @param raw      the provider's raw payload
 * @param absolute whether the amount replaces the previous one rather than adding to it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentAdjustment(
        @Nullable PaymentStatus status, @Nullable BigInteger amount, @Nullable OffsetDateTime date,
        @Nullable JsonNode raw, @Nullable Boolean absolute) {
}
