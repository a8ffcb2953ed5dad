package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet hold, the spec schema {@code Hold}.
 *
 * @param id          the hold id
 * @param walletID    the wallet the hold belongs to
 * @param metadata    metadata of the hold
 * @param description a description
 * @param destination where the held funds go
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hold(@Nullable String id, @Nullable String walletID, @Nullable Map<String, String> metadata,
        @Nullable String description, @Nullable Subject destination) {

    public Hold {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
