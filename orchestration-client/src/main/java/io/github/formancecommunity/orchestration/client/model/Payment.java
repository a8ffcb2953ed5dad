package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A payment of the Payments service, the spec schema {@code Payment}. The enum-like fields are open: unknown
 * values are kept.
 *
 * @param id                   the payment id
 * @param reference            the provider reference
 * @param sourceAccountID      the source account id
 * @param destinationAccountID the destination account id
 * @param connectorID          the connector id
 * @param provider             the connector type
 * @param type                 the payment type
 * @param status               the payment status
 * @param initialAmount        the initial amount, arbitrary precision
 * @param scheme               the payment scheme
 * @param asset                the asset
 * @param createdAt            the creation date
 * @param raw                  the provider's raw payload; a JSON {@code null} reads as a {@code NullNode}
 * @param adjustments          the adjustments
 * @param metadata             the payment metadata (the spec schema {@code PaymentMetadata})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(
        @Nullable String id,
        @Nullable String reference,
        @Nullable String sourceAccountID,
        @Nullable String destinationAccountID,
        @Nullable String connectorID,
        @Nullable Connector provider,
        @Nullable PaymentType type,
        @Nullable PaymentStatus status,
        @Nullable BigInteger initialAmount,
        @Nullable PaymentScheme scheme,
        @Nullable String asset,
        @Nullable OffsetDateTime createdAt,
        @Nullable JsonNode raw,
        @Nullable List<PaymentAdjustment> adjustments,
        @Nullable Map<String, String> metadata) {

    public Payment {
        adjustments = adjustments == null ? null : List.copyOf(adjustments);
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
