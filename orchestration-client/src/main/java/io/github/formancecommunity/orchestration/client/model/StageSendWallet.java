package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A wallet side of a {@code send} stage, the spec schemas {@code StageSendSourceWallet} and
 * {@code StageSendDestinationWallet} (the latter is an alias of the former).
 *
 * @param id      the wallet id
 * @param balance the balance name; the server defaults it to {@code main}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageSendWallet(String id, String balance) {
}
