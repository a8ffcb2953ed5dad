package io.github.formancecommunity.orchestration.client.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The volumes of one asset on an account, the spec schema {@code Volume}.
 *
 * @param input   the total received
 * @param output  the total sent
 * @param balance {@code input - output}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(@Nullable BigInteger input, @Nullable BigInteger output, @Nullable BigInteger balance) {
}
