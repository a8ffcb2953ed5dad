package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment service provider used as the destination of a {@code send} stage, the spec schema
 * {@code StageSendDestinationPayment}. Every field may hold a {@code ${variable}} placeholder (a placeholder
 * {@code type} is an unknown {@link TransferType} until the stage runs).
 *
 * @param psp           the provider name, e.g. {@code stripe}
 * @param type          the transfer type; the server defaults it to {@link TransferType#TRANSFER}
 * @param sourceAccount the Payments account id of the internal PSP account
 */
public record StageSendDestinationPayment(@Nullable String psp, @Nullable TransferType type,
        @Nullable String sourceAccount) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSendDestinationPayment fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "payment");
        return object == null ? null : new StageSendDestinationPayment(StageJson.string(object, "psp"),
                TransferType.of(StageJson.string(object, "type")), StageJson.string(object, "sourceAccount"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "psp", psp);
        StageJson.put(node, "type", type == null ? null : type.value());
        StageJson.put(node, "sourceAccount", sourceAccount);
        return node;
    }
}
