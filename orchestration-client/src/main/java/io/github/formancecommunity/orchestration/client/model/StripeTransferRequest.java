package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * Input of the {@code StripeTransfer} activity, the spec schema {@code StripeTransferRequest} (aliased as
 * {@code ActivityStripeTransfer}).
 *
 * @param connectorID       the connector id
 * @param amount            the amount, arbitrary precision
 * @param asset             the asset
 * @param destination       the Stripe destination account
 * @param waitingValidation whether the transfer waits for validation
 * @param metadata          free-form metadata attached to the transfer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StripeTransferRequest(
        @Nullable String connectorID,
        @Nullable BigInteger amount,
        @Nullable String asset,
        @Nullable String destination,
        @Nullable Boolean waitingValidation,
        @Nullable JsonNode metadata) {
}
