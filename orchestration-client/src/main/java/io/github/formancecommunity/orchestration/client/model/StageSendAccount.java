package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ledger account side of a {@code send} stage, the spec schemas {@code StageSendSourceAccount} and
 * {@code StageSendDestinationAccount} (the latter is an alias of the former). The string fields may hold
 * {@code ${variable}} placeholders; {@code allowOverdraft} may be one through {@link #allowOverdraftPlaceholder()}.
 *
 * @param id                        the account address
 * @param ledger                    the ledger; the server defaults it to {@code default}
 * @param throughAccount            the account used towards payments or other ledgers; the server defaults it to
 *                                  {@code world}
 * @param allowOverdraft            whether {@code throughAccount} may overdraw without bound; the server defaults it
 *                                  to false
 * @param allowOverdraftPlaceholder {@code allowOverdraft} as a placeholder such as {@code ${overdraft}}
 */
public record StageSendAccount(@Nullable String id, @Nullable String ledger, @Nullable String throughAccount,
        @Nullable Boolean allowOverdraft,
        @Nullable String allowOverdraftPlaceholder) {

    public StageSendAccount {
        StageJson.oneOf(allowOverdraft, allowOverdraftPlaceholder, "allowOverdraft");
    }

    /** An account side without a placeholder for {@code allowOverdraft}. */
    public StageSendAccount(@Nullable String id, @Nullable String ledger, @Nullable String throughAccount,
            @Nullable Boolean allowOverdraft) {
        this(id, ledger, throughAccount, allowOverdraft, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendAccount fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "account");
        return object == null ? null : new StageSendAccount(StageJson.string(object, "id"),
                StageJson.string(object, "ledger"), StageJson.string(object, "throughAccount"),
                StageJson.bool(object, "allowOverdraft"), StageJson.placeholder(object, "allowOverdraft"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "id", id);
        StageJson.put(node, "ledger", ledger);
        StageJson.put(node, "throughAccount", throughAccount);
        StageJson.put(node, "allowOverdraft", allowOverdraft, allowOverdraftPlaceholder);
        return node;
    }
}
