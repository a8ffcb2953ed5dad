package io.github.formancecommunity.orchestration.client.model;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * The source or destination of a wallet movement, the spec schema {@code Subject}: a {@code oneOf} discriminated
 * by {@code type}. {@code ACCOUNT} reads as {@link LedgerAccountSubject}, {@code WALLET} as {@link WalletSubject},
 * and any other (or missing) type as {@link UnknownSubject} instead of failing.
 */
@JsonDeserialize(using = Subject.Deserializer.class)
public sealed interface Subject permits LedgerAccountSubject, WalletSubject, UnknownSubject {

    /** The discriminator value, e.g. {@code ACCOUNT} or {@code WALLET}. */
    String type();

    /** Reads a {@link Subject} by its {@code type}. */
    final class Deserializer extends StdDeserializer<Subject> {

        public Deserializer() {
            super(Subject.class);
        }

        @Override
        public Subject deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node = ctxt.readTree(p);
            JsonNode typeNode = node.get("type");
            String type = typeNode != null && typeNode.isString() ? typeNode.stringValue() : null;
            if (LedgerAccountSubject.TYPE.equals(type)) {
                return ctxt.readTreeAsValue(node, LedgerAccountSubject.class);
            }
            if (WalletSubject.TYPE.equals(type)) {
                return ctxt.readTreeAsValue(node, WalletSubject.class);
            }
            return new UnknownSubject(type, node);
        }
    }
}
