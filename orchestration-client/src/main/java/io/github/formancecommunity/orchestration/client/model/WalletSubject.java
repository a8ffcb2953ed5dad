package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A wallet as a {@link Subject}, the spec schema {@code WalletSubject}.
 *
 * @param type       the discriminator, {@code WALLET}
 * @param identifier the wallet id
 * @param balance    the balance name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WalletSubject(@Nullable String type, @Nullable String identifier,
        @Nullable String balance) implements Subject {

    /** The discriminator value of this subject. */
    public static final String TYPE = "WALLET";

    /** A {@code WALLET} subject for the given wallet and balance ({@code null} for the default balance). */
    public static WalletSubject of(String identifier, @Nullable String balance) {
        return new WalletSubject(TYPE, identifier, balance);
    }
}
