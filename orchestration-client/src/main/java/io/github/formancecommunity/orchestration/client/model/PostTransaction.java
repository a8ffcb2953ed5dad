package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ledger transaction to create, the spec schema {@code PostTransaction}. Either {@code postings} or
 * {@code script} is set.
 *
 * @param timestamp the transaction timestamp
 * @param postings  the postings
 * @param script    a Numscript program and its variables
 * @param reference a unique reference
 * @param metadata  the transaction metadata; the server omits it when empty, although the spec requires it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostTransaction(
        @Nullable OffsetDateTime timestamp,
        @Nullable List<Posting> postings,
        @Nullable PostTransactionScript script,
        @Nullable String reference,
        @Nullable Map<String, String> metadata) {

    public PostTransaction {
        postings = postings == null ? null : List.copyOf(postings);
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
