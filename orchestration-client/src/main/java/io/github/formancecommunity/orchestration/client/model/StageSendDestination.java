package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The destination of a {@code send} stage, the spec schema {@code StageSendDestination}. Exactly one field should
 * be set.
 *
 * @param wallet  a wallet
 * @param account a ledger account
 * @param payment a payment service provider (payout or transfer)
 */
public record StageSendDestination(
        @Nullable StageSendWallet wallet, @Nullable StageSendAccount account,
        @Nullable StageSendDestinationPayment payment) {

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

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendDestination fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "destination");
        return object == null ? null : new StageSendDestination(StageSendWallet.fromJson(StageJson.member(object, "wallet")),
                StageSendAccount.fromJson(StageJson.member(object, "account")),
                StageSendDestinationPayment.fromJson(StageJson.member(object, "payment")));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "wallet", wallet == null ? null : wallet.toJson());
        StageJson.put(node, "account", account == null ? null : account.toJson());
        StageJson.put(node, "payment", payment == null ? null : payment.toJson());
        return node;
    }
}
