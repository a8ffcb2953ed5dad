package io.github.formancecommunity.orchestration.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account an {@code update} stage changes, the spec schema {@code UpdateAccount}. Every field may hold a
 * {@code ${variable}} placeholder.
 *
 * @param id       the account address
 * @param metadata the metadata to add
 * @param ledger   the ledger
 */
public record UpdateAccount(@Nullable String id, @Nullable Map<String, String> metadata, @Nullable String ledger) {

    public UpdateAccount {
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable UpdateAccount fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "account");
        return object == null ? null : new UpdateAccount(StageJson.string(object, "id"),
                StageJson.strings(object, "metadata"), StageJson.string(object, "ledger"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "id", id);
        StageJson.put(node, "metadata", metadata);
        StageJson.put(node, "ledger", ledger);
        return node;
    }
}
