package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The source of a {@code send} stage, the spec schema {@code StageSendSource}. Exactly one field should be set.
 *
 * @param wallet  a wallet
 * @param account a ledger account
 * @param payment a payment
 */
public record StageSendSource(@Nullable StageSendWallet wallet, @Nullable StageSendAccount account,
        @Nullable StageSendSourcePayment payment) {

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

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendSource fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "source");
        return object == null ? null : new StageSendSource(StageSendWallet.fromJson(StageJson.member(object, "wallet")),
                StageSendAccount.fromJson(StageJson.member(object, "account")),
                StageSendSourcePayment.fromJson(StageJson.member(object, "payment")));
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
