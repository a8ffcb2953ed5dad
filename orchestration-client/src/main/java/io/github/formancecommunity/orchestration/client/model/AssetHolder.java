package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Amounts per asset, the spec schema {@code AssetHolder}.
 *
 * @param assets the amount of each asset, arbitrary precision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetHolder(@Nullable Map<String, BigInteger> assets) {

    public AssetHolder {
        assets = assets == null ? null : Map.copyOf(assets);
    }
}
