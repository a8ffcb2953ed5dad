package io.github.formancecommunity.orchestration.test;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks opaque bearer tokens. A token is valid until its expiry on the server's clock, so a test can
 * expire tokens by moving an injected clock instead of waiting.
 */
final class TokenIssuer {

    private static final int MAX_LIVE_TOKENS = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, String> clients;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    TokenIssuer(Clock clock, Duration ttl, Map<String, String> clients) {
        this.clock = clock;
        this.ttl = ttl;
        this.clients = Map.copyOf(clients);
    }

    /** Whether the server requires tokens at all (it does as soon as one client is configured). */
    boolean isEnabled() {
        return !clients.isEmpty();
    }

    /** Whether the pair is a configured client; without configured clients every pair is accepted. */
    boolean authenticates(String clientId, String clientSecret) {
        if (!isEnabled()) {
            return true;
        }
        String expected = clientId == null ? null : clients.get(clientId);
        return expected != null && clientSecret != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    String issue() {
        purgeExpired();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(ttl));
        return token;
    }

    Duration ttl() {
        return ttl;
    }

    /** Whether the token was issued here, is not revoked and has not expired. */
    boolean isValid(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void revokeAll() {
        tokens.clear();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        if (tokens.size() >= MAX_LIVE_TOKENS) {
            tokens.clear();
        }
    }
}
