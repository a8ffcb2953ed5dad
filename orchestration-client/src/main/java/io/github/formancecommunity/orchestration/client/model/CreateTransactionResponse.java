package io.github.formancecommunity.orchestration.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code CreateTransaction} and {@code RevertTransaction} activities, the spec schema
 * {@code CreateTransactionResponse} (aliased as {@code ActivityCreateTransactionOutput},
 * {@code RevertTransactionResponse} and {@code ActivityRevertTransactionOutput}). The spec gives {@code data} as
 * one transaction, while the server sends an array of transactions that carry an extra {@code txid}; both are
 * read, a single object as a one-element list.
 *
 * @param data the transactions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTransactionResponse(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<Transaction> data) {

    public CreateTransactionResponse {
        data = data == null ? null : List.copyOf(data);
    }
}
