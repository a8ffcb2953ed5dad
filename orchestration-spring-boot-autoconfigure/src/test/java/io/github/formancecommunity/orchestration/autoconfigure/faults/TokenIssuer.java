package io.github.formancecommunity.orchestration.autoconfigure.faults;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer acting as the OAuth2 token endpoint: every request gets a new token
 * {@code tok-FAULTSUITE-<scope>-<n>} with the configured {@code expires_in}. It counts requests per scope and
 * refuses a request whose client secret is wrong.
 */
final class TokenIssuer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fault-suite-token-issuer";
    static final String TOKEN_PREFIX = "tok-FAULTSUITE-";

    private final Map<String, AtomicInteger> perScope = new ConcurrentHashMap<>();
    final List<String> issued = new CopyOnWriteArrayList<>();
    volatile long expiresInSeconds = 3600;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Map<String, String> form = form(serveEvent.getRequest().getBodyAsString());
        if (!StarterFaults.SECRET.equals(form.get("client_secret"))
                || !"client_credentials".equals(form.get("grant_type"))) {
            return new ResponseDefinitionBuilder().withStatus(401).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_client\"}").build();
        }
        String scope = form.getOrDefault("scope", "none");
        int n = perScope.computeIfAbsent(scope, s -> new AtomicInteger()).incrementAndGet();
        String token = TOKEN_PREFIX + scope.replace(':', '_') + "-" + n;
        issued.add(token);
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + expiresInSeconds + "}")
                .build();
    }

    /** Token requests received for the scope. */
    int requests(String scope) {
        AtomicInteger count = perScope.get(scope);
        return count == null ? 0 : count.get();
    }

    /** Token requests received for every scope. */
    int requests() {
        return perScope.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void reset() {
        perScope.clear();
        issued.clear();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
