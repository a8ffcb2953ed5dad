package io.github.formancecommunity.orchestration.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet debit, the spec schema {@code DebitWalletRequest}.
 *
 * @param amount      the amount debited
 * @param pending     whether to create a pending hold instead of debiting at once
 * @param metadata    metadata of the debit
 * @param description a description
 * @param destination where the funds go
 * @param balances    the balances to debit from
 * @param timestamp   the debit timestamp (not with {@code pending})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DebitWalletRequest(
        @Nullable Monetary amount,
        @Nullable Boolean pending,
        @Nullable Map<String, String> metadata,
        @Nullable String description,
        @Nullable Subject destination,
        @Nullable List<String> balances,
        @Nullable OffsetDateTime timestamp) {

    public DebitWalletRequest {
        metadata = metadata == null ? null : Map.copyOf(metadata);
        balances = balances == null ? null : List.copyOf(balances);
    }
}
