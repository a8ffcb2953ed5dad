package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet, the spec schema {@code Wallet}.
 *
 * @param id        the wallet id
 * @param metadata  metadata of the wallet
 * @param name      the wallet name
 * @param createdAt the creation date
 * @param ledger    the ledger holding the wallet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wallet(@Nullable String id, @Nullable Map<String, String> metadata, @Nullable String name,
        @Nullable OffsetDateTime createdAt, @Nullable String ledger) {

    public Wallet {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
