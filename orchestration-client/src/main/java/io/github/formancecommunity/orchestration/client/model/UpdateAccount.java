package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The account part of an {@code update} stage, the spec schema {@code UpdateAccount}.
 *
 * @param id       the account address
 * @param metadata the metadata to add
 * @param ledger   the ledger
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateAccount(String id, Map<String, String> metadata, String ledger) {

    public UpdateAccount {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
