package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ledger account, the spec schema {@code Account}.
 *
 * @param address          the account address
 * @param metadata         the account metadata
 * @param volumes          the volumes per asset (the spec schema {@code Volumes})
 * @param effectiveVolumes the effective volumes per asset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(
        @Nullable String address,
        @Nullable Map<String, String> metadata,
        @Nullable Map<String, Volume> volumes,
        @Nullable Map<String, Volume> effectiveVolumes) {

    public Account {
        metadata = metadata == null ? null : Map.copyOf(metadata);
        volumes = volumes == null ? null : Map.copyOf(volumes);
        effectiveVolumes = effectiveVolumes == null ? null : Map.copyOf(effectiveVolumes);
    }
}
