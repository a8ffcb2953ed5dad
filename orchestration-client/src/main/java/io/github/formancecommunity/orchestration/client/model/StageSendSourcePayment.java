package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment used as the source of a {@code send} stage, the spec schema {@code StageSendSourcePayment}. The string
 * fields may hold {@code ${variable}} placeholders; {@code allowOverdraft} may be one through
 * {@link #allowOverdraftPlaceholder()}.
 *
 * @param id                        the payment id
 * @param ledger                    the ledger used for payment ingestion
 * @param holdingAccount            the account holding the payment funds; the server defaults it to
 *                                  {@code payment:<id>}
 * @param throughAccount            the source account of the ingestion transaction; the server defaults it to
 *                                  {@code world}
 * @param allowOverdraft            whether {@code throughAccount} may overdraw without bound
 * @param allowOverdraftPlaceholder {@code allowOverdraft} as a placeholder such as {@code ${overdraft}}
 */
public record StageSendSourcePayment(@Nullable String id, @Nullable String ledger, @Nullable String holdingAccount,
        @Nullable String throughAccount,
        @Nullable Boolean allowOverdraft, @Nullable String allowOverdraftPlaceholder) {

    public StageSendSourcePayment {
        StageJson.oneOf(allowOverdraft, allowOverdraftPlaceholder, "allowOverdraft");
    }

    /** A payment source without a placeholder for {@code allowOverdraft}. */
    public StageSendSourcePayment(@Nullable String id, @Nullable String ledger, @Nullable String holdingAccount,
            @Nullable String throughAccount, @Nullable Boolean allowOverdraft) {
        this(id, ledger, holdingAccount, throughAccount, allowOverdraft, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendSourcePayment fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "payment");
        return object == null ? null : new StageSendSourcePayment(StageJson.string(object, "id"),
                StageJson.string(object, "ledger"), StageJson.string(object, "holdingAccount"),
                StageJson.string(object, "throughAccount"), StageJson.bool(object, "allowOverdraft"),
                StageJson.placeholder(object, "allowOverdraft"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "id", id);
        StageJson.put(node, "ledger", ledger);
        StageJson.put(node, "holdingAccount", holdingAccount);
        StageJson.put(node, "throughAccount", throughAccount);
        StageJson.put(node, "allowOverdraft", allowOverdraft, allowOverdraftPlaceholder);
        return node;
    }
}
