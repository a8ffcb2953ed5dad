package io.github.formancecommunity.orchestration.client.model;

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
public record ActivityCreateTransaction(@JsonAlias("Ledger") String ledger, @JsonAlias("Data") PostTransaction data) {
}
