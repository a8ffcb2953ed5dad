package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet credit, the spec schema {@code CreditWalletRequest}.
 *
 * @param amount    the amount credited
 * @param metadata  metadata of the credit
 * @param reference a unique reference
 * @param sources   where the funds come from
 * @param balance   the balance credited
 * @param timestamp the credit timestamp
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditWalletRequest(
        @Nullable Monetary amount,
        @Nullable Map<String, String> metadata,
        @Nullable String reference,
        @Nullable List<Subject> sources,
        @Nullable String balance,
        @Nullable OffsetDateTime timestamp) {

    public CreditWalletRequest {
        metadata = metadata == null ? null : Map.copyOf(metadata);
        sources = sources == null ? null : List.copyOf(sources);
    }
}
