package io.github.formancecommunity.orchestration.client;

import java.util.Collection;
import java.util.Map;

import feign.Request;

/**
 * Keeps the bearer token a request carried out of everything the client derives from the response: a server or a
 * gateway that echoes the {@code Authorization} header in a body must not put the token into an exception.
 */
final class TokenRedaction {

    /** What replaces the token. */
    static final String MASK = "****";

    private static final TokenRedaction NONE = new TokenRedaction(null);

    private final String token;

    private TokenRedaction(String token) {
        this.token = token;
    }

    /** The redaction of the token the request carried, a no-op when it carried none. */
    static TokenRedaction of(Request request) {
        if (request == null) {
            return NONE;
        }
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if ("Authorization".equalsIgnoreCase(header.getKey())) {
                for (String value : header.getValue()) {
                    if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
                        return new TokenRedaction(value.substring(7).strip());
                    }
                }
            }
        }
        return NONE;
    }

    /** The text with every occurrence of the token masked. */
    String apply(String text) {
        if (token == null || token.isEmpty() || text == null) {
            return text;
        }
        return text.replace(token, MASK);
    }

    /** How many characters past a cut the token could reach, so that a cut token can still be found. */
    int margin() {
        return token == null ? 0 : token.length();
    }

    /** Whether the token appears in the message or {@code toString()} of the exception or one of its causes. */
    boolean appearsIn(Throwable thrown) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (String.valueOf(t.getMessage()).contains(token) || t.toString().contains(token)) {
                return true;
            }
        }
        return false;
    }
}
