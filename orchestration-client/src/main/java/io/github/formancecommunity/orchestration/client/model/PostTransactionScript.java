package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * The inline {@code script} object of the spec schema {@code PostTransaction}.
 *
 * @param plain the Numscript source
 * @param vars  the script variables, free-form
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostTransactionScript(@Nullable String plain, @Nullable JsonNode vars) {
}
