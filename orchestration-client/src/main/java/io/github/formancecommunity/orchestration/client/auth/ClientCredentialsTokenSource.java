package io.github.formancecommunity.orchestration.client.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

import io.github.formancecommunity.orchestration.client.BearerTokenSource;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;

/**
 * OAuth2 client-credentials tokens, one per scope, cached until shortly before they expire.
 *
 * <ul>
 *   <li>A token is reused until {@code expires_in} minus {@code refreshBeforeExpiry}. When that margin is not
 *       shorter than the lifetime, the token is replaced after half its lifetime instead, so the cache time is
 *       never negative. A response without {@code expires_in} counts as {@value #DEFAULT_LIFETIME_MINUTES}
 *       minutes.</li>
 *   <li>Concurrent callers needing a new token for the same scope share one request (single flight); callers of
 *       another scope are not held up. When that request fails, every caller waiting for it gets the failure and
 *       the next call tries again.</li>
 *   <li>{@link #invalidate(String)} drops a token the server rejected, if it is still the cached one, so the
 *       client's retry of a 401 gets a new token.</li>
 * </ul>
 */
public final class ClientCredentialsTokenSource implements BearerTokenSource, AutoCloseable {

    static final long DEFAULT_LIFETIME_MINUTES = 5;

    /** The lifetime assumed when the token endpoint gives no {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(DEFAULT_LIFETIME_MINUTES);

    private final TokenFetcher fetcher;
    private final Duration refreshBeforeExpiry;
    private final Clock clock;
    private final String description;
    private final ConcurrentMap<String, ScopeCache> scopes = new ConcurrentHashMap<>();

    ClientCredentialsTokenSource(TokenFetcher fetcher, Duration refreshBeforeExpiry, Clock clock,
            String description) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.refreshBeforeExpiry = Objects.requireNonNull(refreshBeforeExpiry, "refreshBeforeExpiry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.description = description;
    }

    /**
     * Starts a token source for the token endpoint of a Formance Stack.
     *
     * @return a builder; the token URL, client id and client secret are required
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String token(String scope) {
        Objects.requireNonNull(scope, "scope");
        return scopes.computeIfAbsent(scope, ScopeCache::new).token();
    }

    @Override
    public void invalidate(String rejectedToken) {
        if (rejectedToken == null) {
            return;
        }
        scopes.values().forEach(cache -> cache.invalidate(rejectedToken));
    }

    @Override
    public boolean isRefreshable() {
        return true;
    }

    /** Releases the fetcher's resources (the token endpoint's threads); Spring calls it when the context closes. */
    @Override
    public void close() throws Exception {
        if (fetcher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** How long a token fetched with the given lifetime is used. */
    Duration cacheTime(Duration lifetime) {
        Duration effective = lifetime == null ? DEFAULT_LIFETIME : lifetime;
        Duration early = effective.minus(refreshBeforeExpiry);
        return early.isNegative() || early.isZero() ? effective.dividedBy(2) : early;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A cached token and the instant from which it is no longer handed out. */
    private record Cached(String value, Instant refreshAt) {

        @Override
        public String toString() {
            return "Cached[value=****, refreshAt=" + refreshAt + "]";
        }
    }

    /** The token of one scope and the request fetching its successor, guarded by this object's monitor. */
    private final class ScopeCache {

        private final String scope;
        private Cached cached;
        private CompletableFuture<Cached> inFlight;

        ScopeCache(String scope) {
            this.scope = scope;
        }

        String token() {
            CompletableFuture<Cached> flight;
            boolean leader = false;
            synchronized (this) {
                if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
                    return cached.value();
                }
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    leader = true;
                }
                flight = inFlight;
            }
            return leader ? fetch(flight) : await(flight);
        }

        private String fetch(CompletableFuture<Cached> flight) {
            Instant requestedAt = clock.instant();
            Cached fresh;
            try {
                AccessToken token = fetcher.fetch(scope);
                fresh = new Cached(token.value(), requestedAt.plus(cacheTime(token.lifetime())));
            }
            catch (RuntimeException | Error ex) {
                synchronized (this) {
                    inFlight = null;
                }
                flight.completeExceptionally(ex);
                throw ex;
            }
            synchronized (this) {
                cached = fresh;
                inFlight = null;
            }
            flight.complete(fresh);
            return fresh.value();
        }

        private String await(CompletableFuture<Cached> flight) {
            try {
                return flight.get().value();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new OrchestrationAuthenticationException("Interrupted while waiting for an access token for "
                        + "scope '" + scope + "'", -1, ex);
            }
            catch (ExecutionException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof OrchestrationAuthenticationException auth) {
                    throw new OrchestrationAuthenticationException(auth.getMessage(), auth.status(), auth);
                }
                throw new OrchestrationAuthenticationException("Could not obtain an access token for scope '" + scope
                        + "': " + cause.getClass().getName(), -1, cause);
            }
        }

        synchronized void invalidate(String rejectedToken) {
            if (cached != null && same(cached.value(), rejectedToken)) {
                cached = null;
            }
        }
    }

    /** Builds a {@link ClientCredentialsTokenSource}; every token request uses the HTTP client it creates. */
    public static final class Builder {

        private URI tokenUrl;
        private String clientId;
        private String clientSecret;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration refreshBeforeExpiry = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The absolute URL of the token endpoint, e.g. {@code https://stack.example/api/auth/oauth/token}.
         *
         * @param tokenUrl the token endpoint
         * @return this builder
         */
        public Builder tokenUrl(URI tokenUrl) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            return this;
        }

        /**
         * The token URL, absolute or resolved against {@code baseUrl}: a path starting with {@code /} replaces the
         * base URL's path, any other relative path is appended to it.
         *
         * @param baseUrl  the URL of the Formance Stack
         * @param tokenUrl the token endpoint, absolute or relative
         * @return this builder
         */
        public Builder tokenUrl(String baseUrl, String tokenUrl) {
            return tokenUrl(TokenUrl.resolve(baseUrl, tokenUrl));
        }

        /**
         * The OAuth2 client id.
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId").strip();
            return this;
        }

        /**
         * The OAuth2 client secret; never logged nor shown by {@code toString()}.
         *
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * The connect time-out of a token request (default 5 s).
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The longest wait for a whole token response, body included (default 30 s).
         *
         * @param readTimeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /**
         * How long before its expiry a token is replaced (default 30 s).
         *
         * @param refreshBeforeExpiry zero or a positive duration
         * @return this builder
         */
        public Builder refreshBeforeExpiry(Duration refreshBeforeExpiry) {
            this.refreshBeforeExpiry = Objects.requireNonNull(refreshBeforeExpiry, "refreshBeforeExpiry");
            return this;
        }

        /**
         * The clock that times token expiry (default the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the token source. No token is fetched before the first call.
         *
         * @return the token source
         */
        public ClientCredentialsTokenSource build() {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            TokenEndpoint endpoint = new TokenEndpoint(tokenUrl, clientId, clientSecret, connectTimeout, readTimeout);
            return new ClientCredentialsTokenSource(endpoint, refreshBeforeExpiry, clock,
                    "ClientCredentialsTokenSource[tokenUrl=" + tokenUrl + ", clientId=" + clientId
                            + ", clientSecret=****]");
        }
    }
}
