package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ledger transaction, the spec schema {@code Transaction}, plus the {@code txid} the server adds in activity
 * outputs.
 *
 * @param timestamp the transaction timestamp
 * @param postings  the postings
 * @param reference the reference
 * @param metadata  the transaction metadata
 * @param id        the transaction id
 * @param txid      the transaction id as the server's ledger-v1 rendering names it (not in the spec)
 * @param reverted  whether the transaction was reverted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(
        @Nullable OffsetDateTime timestamp,
        @Nullable List<Posting> postings,
        @Nullable String reference,
        @Nullable Map<String, String> metadata,
        @Nullable BigInteger id,
        @Nullable BigInteger txid,
        @Nullable Boolean reverted) {

    public Transaction {
        postings = postings == null ? null : List.copyOf(postings);
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }

    /** The transaction id: {@code txid} when present, else {@code id}. */
    public BigInteger transactionId() {
        return txid != null ? txid : id;
    }
}
