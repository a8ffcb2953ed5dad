package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
        Monetary amount,
        Map<String, String> metadata,
        String reference,
        List<Subject> sources,
        String balance,
        OffsetDateTime timestamp) {

    public CreditWalletRequest {
        metadata = metadata == null ? null : Map.copyOf(metadata);
        sources = sources == null ? null : List.copyOf(sources);
    }
}
