package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code CreateTransaction} activity, the spec schema {@code ActivityCreateTransaction}. The server
 * sends the keys capitalised ({@code Ledger}, {@code Data}); both spellings are read.
 *
 * @param ledger the ledger
 * @param data   the transaction to create
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityCreateTransaction(@JsonAlias("Ledger") @Nullable String ledger,
        @JsonAlias("Data") @Nullable PostTransaction data) {
}
