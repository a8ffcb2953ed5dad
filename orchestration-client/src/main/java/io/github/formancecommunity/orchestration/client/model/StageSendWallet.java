package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A wallet side of a {@code send} stage, the spec schemas {@code StageSendSourceWallet} and
 * {@code StageSendDestinationWallet} (the latter is an alias of the former). Both fields may hold placeholders.
 *
 * @param id      the wallet id
 * @param balance the balance name; the server defaults it to {@code main}
 */
public record StageSendWallet(@Nullable String id, @Nullable String balance) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendWallet fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "wallet");
        return object == null ? null
                : new StageSendWallet(StageJson.string(object, "id"), StageJson.string(object, "balance"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "id", id);
        StageJson.put(node, "balance", balance);
        return node;
    }
}
