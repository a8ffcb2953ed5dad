package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code send} stage, the spec schema {@code StageSend}: moves an amount from a source to a destination.
 * Every value the server interpolates may be a {@code ${variable}} placeholder: the amount through
 * {@link Monetary#of(String, String)}, accounts, ledgers, wallet ids and metadata values as plain strings, and the
 * timestamp through {@link #timestampPlaceholder()}.
 *
 * @param amount               the amount; when absent and the source is a payment, the payment's initial amount is
 *                             used
 * @param destination          where the funds go
 * @param source               where the funds come from
 * @param metadata             transaction metadata
 * @param timestamp            the transaction timestamp (the server sends {@code null} when unset)
 * @param timestampPlaceholder the timestamp as a placeholder such as {@code ${date}}
 */
public record StageSend(
        @Nullable Monetary amount,
        @Nullable StageSendDestination destination,
        @Nullable StageSendSource source,
        @Nullable Map<String, String> metadata,
        @Nullable OffsetDateTime timestamp,
        @Nullable String timestampPlaceholder) {

    public StageSend {
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        StageJson.oneOf(timestamp, timestampPlaceholder, "timestamp");
    }

    /** A send without a placeholder timestamp. */
    public StageSend(@Nullable Monetary amount, @Nullable StageSendDestination destination,
            @Nullable StageSendSource source, @Nullable Map<String, String> metadata,
            @Nullable OffsetDateTime timestamp) {
        this(amount, destination, source, metadata, timestamp, null);
    }

    /** A send of {@code amount} from {@code source} to {@code destination}, without metadata or timestamp. */
    public static StageSend of(@Nullable Monetary amount, StageSendSource source, StageSendDestination destination) {
        return new StageSend(amount, destination, source, null, null);
    }

    /** A copy with the given metadata, whose values may hold placeholders. */
    public StageSend withMetadata(Map<String, String> newMetadata) {
        return new StageSend(amount, destination, source, newMetadata, timestamp, timestampPlaceholder);
    }

    /** A copy with the given timestamp. */
    public StageSend withTimestamp(OffsetDateTime newTimestamp) {
        return new StageSend(amount, destination, source, metadata, newTimestamp, null);
    }

    /** A copy whose timestamp is a placeholder such as {@code "${date}"}, resolved when the stage runs. */
    public StageSend withTimestamp(String placeholder) {
        return new StageSend(amount, destination, source, metadata, null,
                Placeholders.require(placeholder, "timestamp", "a date-time"));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static @Nullable StageSend fromJson(@Nullable JsonNode node) {
        JsonNode object = StageJson.object(node, "send");
        if (object == null) {
            return null;
        }
        return new StageSend(Monetary.fromJson(StageJson.member(object, "amount")),
                StageSendDestination.fromJson(StageJson.member(object, "destination")),
                StageSendSource.fromJson(StageJson.member(object, "source")),
                StageJson.strings(object, "metadata"), StageJson.dateTime(object, "timestamp"),
                StageJson.placeholder(object, "timestamp"));
    }

    @JsonValue
    ObjectNode toJson() {
        ObjectNode node = StageJson.object();
        StageJson.put(node, "amount", amount == null ? null : amount.toJson());
        StageJson.put(node, "destination", destination == null ? null : destination.toJson());
        StageJson.put(node, "source", source == null ? null : source.toJson());
        StageJson.put(node, "metadata", metadata);
        StageJson.put(node, "timestamp", timestamp, timestampPlaceholder);
        return node;
    }
}
