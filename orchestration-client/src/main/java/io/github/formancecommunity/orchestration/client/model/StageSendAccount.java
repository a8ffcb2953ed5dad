package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ledger account side of a {@code send} stage, the spec schemas {@code StageSendSourceAccount} and
 * {@code StageSendDestinationAccount} (the latter is an alias of the former).
 *
 * @param id             the account address
 * @param ledger         the ledger; the server defaults it to {@code default}
 * @param throughAccount the account used towards payments or other ledgers; the server defaults it to {@code world}
 * @param allowOverdraft whether {@code throughAccount} may overdraw without bound; the server defaults it to false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendAccount(String id, String ledger, String throughAccount, Boolean allowOverdraft) {
}
