package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code AddAccountMetadata} activity, the spec schema {@code ActivityAddAccountMetadata}. The
 * server names the account key {@code account} rather than the spec's {@code id}; both are read.
 *
 * @param id       the account address ({@code id} or, as the server sends it, {@code account})
 * @param ledger   the ledger
 * @param metadata the metadata added
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityAddAccountMetadata(@JsonAlias("account") @Nullable String id, @Nullable String ledger,
        @Nullable Map<String, String> metadata) {

    public ActivityAddAccountMetadata {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
