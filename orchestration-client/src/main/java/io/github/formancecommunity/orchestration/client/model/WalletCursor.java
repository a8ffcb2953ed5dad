package io.github.formancecommunity.orchestration.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of wallets: the {@code cursor} of the spec schema {@code ListWalletsResponse}, i.e. the spec schema
 * {@code Cursor} plus {@code data}.
 *
 * @param pageSize the page size
 * @param hasMore  whether more pages follow
 * @param previous the cursor of the previous page
 * @param next     the cursor of the next page
 * @param data     the wallets of this page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WalletCursor(@Nullable Long pageSize, @Nullable Boolean hasMore, @Nullable String previous,
        @Nullable String next, @Nullable List<Wallet> data) {

    public WalletCursor {
        data = data == null ? null : List.copyOf(data);
    }
}
