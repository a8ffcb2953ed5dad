package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A {@link Subject} whose {@code type} is neither {@code ACCOUNT} nor {@code WALLET} (not in the spec schema
 * {@code Subject}, which lists only those two). It keeps the JSON as it came and writes it back unchanged.
 *
 * @param type the discriminator as sent, or {@code null} when it was missing or not a string
 * @param raw  the whole subject object
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UnknownSubject(@Nullable String type, @JsonValue JsonNode raw) implements Subject {
}
