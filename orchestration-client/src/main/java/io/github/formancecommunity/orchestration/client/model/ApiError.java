package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

/**
 * An error body as the server sends it (spec schema {@code Error}, plus the wire's optional {@code details}).
 *
 * @param errorCode    the code, an open enum
 * @param errorMessage the server's message
 * @param details      extra details, absent from the spec but allowed on the wire
 */
public record ApiError(@Nullable ErrorCode errorCode, @Nullable String errorMessage, @Nullable String details) {
}
