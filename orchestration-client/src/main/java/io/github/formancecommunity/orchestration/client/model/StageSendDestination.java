package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The destination of a {@code send} stage, the spec schema {@code StageSendDestination}. Exactly one field should
 * be set.
 *
 * @param wallet  a wallet
 * @param account a ledger account
 * @param payment a payment service provider (payout or transfer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendDestination(
        StageSendWallet wallet, StageSendAccount account, StageSendDestinationPayment payment) {

    /** A wallet destination, on the default balance. */
    public static StageSendDestination ofWallet(String id) {
        return new StageSendDestination(new StageSendWallet(id, null), null, null);
    }

    /** A ledger account destination; {@code ledger} may be {@code null} for the server default. */
    public static StageSendDestination ofAccount(String id, String ledger) {
        return new StageSendDestination(null, new StageSendAccount(id, ledger, null, null), null);
    }

    /** A payment destination through the given provider, with the server's default transfer type. */
    public static StageSendDestination ofPayment(String psp) {
        return new StageSendDestination(null, null, new StageSendDestinationPayment(psp, null, null));
    }
}
