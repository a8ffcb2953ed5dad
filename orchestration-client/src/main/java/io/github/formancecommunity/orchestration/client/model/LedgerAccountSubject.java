package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A ledger account as a {@link Subject}, the spec schema {@code LedgerAccountSubject}.
 *
 * @param type       the discriminator, {@code ACCOUNT}
 * @param identifier the account address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record LedgerAccountSubject(@Nullable String type, @Nullable String identifier) implements Subject {

    /** The discriminator value of this subject. */
    public static final String TYPE = "ACCOUNT";

    /** An {@code ACCOUNT} subject for the given address. */
    public static LedgerAccountSubject of(String identifier) {
        return new LedgerAccountSubject(TYPE, identifier);
    }
}
