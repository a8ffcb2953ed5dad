package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Input of the {@code VoidHold} activity, the spec schema {@code ActivityVoidHold}.
 *
 * @param id the hold id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityVoidHold(@Nullable String id) {
}
