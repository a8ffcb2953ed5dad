package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Output of the {@code GetAccount} activity, the spec schema {@code AccountResponse} (aliased as
 * {@code ActivityGetAccountOutput}).
 *
 * @param data the account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountResponse(@Nullable Account data) {
}
