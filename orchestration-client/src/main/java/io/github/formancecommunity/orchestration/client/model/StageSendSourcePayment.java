package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment used as the source of a {@code send} stage, the spec schema {@code StageSendSourcePayment}.
 *
 * @param id             the payment id
 * @param ledger         the ledger used for payment ingestion
 * @param holdingAccount the account holding the payment funds; the server defaults it to {@code payment:<id>}
 * @param throughAccount the source account of the ingestion transaction; the server defaults it to {@code world}
 * @param allowOverdraft whether {@code throughAccount} may overdraw without bound
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendSourcePayment(
        String id, String ledger, String holdingAccount, String throughAccount, Boolean allowOverdraft) {
}
