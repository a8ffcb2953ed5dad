package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment service provider used as the destination of a {@code send} stage, the spec schema
 * {@code StageSendDestinationPayment}.
 *
 * @param psp           the provider name, e.g. {@code stripe}
 * @param type          the transfer type; the server defaults it to {@link TransferType#TRANSFER}
 * @param sourceAccount the Payments account id of the internal PSP account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendDestinationPayment(String psp, TransferType type, String sourceAccount) {
}
