package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The source of a {@code send} stage, the spec schema {@code StageSendSource}. Exactly one field should be set.
 *
 * @param wallet  a wallet
 * @param account a ledger account
 * @param payment a payment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendSource(StageSendWallet wallet, StageSendAccount account, StageSendSourcePayment payment) {

    /** A wallet source, on the default balance. */
    public static StageSendSource ofWallet(String id) {
        return new StageSendSource(new StageSendWallet(id, null), null, null);
    }

    /** A ledger account source; {@code ledger} may be {@code null} for the server default. */
    public static StageSendSource ofAccount(String id, String ledger) {
        return new StageSendSource(null, new StageSendAccount(id, ledger, null, null), null);
    }

    /** A payment source. */
    public static StageSendSource ofPayment(String id) {
        return new StageSendSource(null, null, new StageSendSourcePayment(id, null, null, null, null));
    }
}
