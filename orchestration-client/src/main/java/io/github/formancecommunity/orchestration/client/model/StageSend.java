package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code send} stage, the spec schema {@code StageSend}: moves an amount from a source to a destination.
 *
 * @param amount      the amount; when absent and the source is a payment, the payment's initial amount is used
 * @param destination where the funds go
 * @param source      where the funds come from
 * @param metadata    transaction metadata
 * @param timestamp   the transaction timestamp (the server sends {@code null} when unset)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSend(
        Monetary amount,
        StageSendDestination destination,
        StageSendSource source,
        Map<String, String> metadata,
        OffsetDateTime timestamp) {

    public StageSend {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }

    /** A send of {@code amount} from {@code source} to {@code destination}, without metadata or timestamp. */
    public static StageSend of(Monetary amount, StageSendSource source, StageSendDestination destination) {
        return new StageSend(amount, destination, source, null, null);
    }
}
