package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code update} stage, the spec schema {@code Update}: adds metadata to a ledger account.
 *
 * @param account the account to update
 */
public record StageUpdate(@Nullable UpdateAccount account) {

    /** An update of the metadata of account {@code id} in {@code ledger}. */
    public static StageUpdate ofAccount(String id, String ledger, Map<String, String> metadata) {
        return new StageUpdate(new UpdateAccount(id, metadata, ledger));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageUpdate fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "update");
        return object == null ? null : new StageUpdate(UpdateAccount.fromJson(StageJson.member(object, "account")));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "account", account == null ? null : account.toJson());
        return node;
    }
}
