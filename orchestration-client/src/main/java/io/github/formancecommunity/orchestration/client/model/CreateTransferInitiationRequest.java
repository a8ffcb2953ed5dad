package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * Input of the {@code CreateTransferInitiation} activity, the spec schema {@code CreateTransferInitiationRequest}
 * (aliased as {@code ActivityCreateTransferInitiation}).
 *
 * @param connectorID       the connector id
 * @param provider          the payment service provider name, e.g. {@code stripe}
 * @param amount            the amount, arbitrary precision
 * @param asset             the asset
 * @param destination       the destination account id
 * @param source            the source account id (required for {@link TransferType#TRANSFER})
 * @param type              the transfer type
 * @param description       a description
 * @param waitingValidation whether the transfer waits for validation
 * @param metadata          free-form metadata attached to the transfer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTransferInitiationRequest(
        @Nullable String connectorID,
        @Nullable String provider,
        @Nullable BigInteger amount,
        @Nullable String asset,
        @Nullable String destination,
        @Nullable String source,
        @Nullable TransferType type,
        @Nullable String description,
        @Nullable Boolean waitingValidation,
        @Nullable JsonNode metadata) {
}
