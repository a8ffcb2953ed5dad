package io.github.formancecommunity.orchestration.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code update} stage, the spec schema {@code Update}: adds metadata to a ledger account.
 *
 * @param account the account to update
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageUpdate(UpdateAccount account) {

    /** An update of the metadata of account {@code id} in {@code ledger}. */
    public static StageUpdate ofAccount(String id, String ledger, Map<String, String> metadata) {
        return new StageUpdate(new UpdateAccount(id, metadata, ledger));
    }
}
