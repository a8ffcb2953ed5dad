package io.github.formancecommunity.orchestration.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth2 client-credentials token endpoint ({@code POST /api/auth/oauth/token}). Credentials come from the
 * form ({@code client_id}, {@code client_secret}) or from HTTP Basic. Errors are RFC 6749 JSON bodies: 400
 * {@code invalid_request} / {@code unsupported_grant_type}, 401 {@code invalid_client}.
 */
final class TokenEndpoint {

    /** Where the real stack serves tokens, relative to the stack URL. */
    static final String PATH = "/api/auth/oauth/token";

    private static final String FORM = "application/x-www-form-urlencoded";

    private final TokenIssuer issuer;

    TokenEndpoint(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    HttpReply handle(String method, Map<String, List<String>> headers, byte[] body) {
        if (!"POST".equals(method)) {
            return HttpReply.empty(405).withHeader("Allow", "POST");
        }
        String contentType = first(headers, "Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
            return error(400, "invalid_request", "the body must be " + FORM);
        }
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        String authorization = first(headers, "Authorization");
        if (clientId == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    clientSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            }
            catch (IllegalArgumentException ex) {
                return error(401, "invalid_client", "malformed Basic credentials");
            }
        }
        if (clientId == null || clientId.isEmpty() || !issuer.authenticates(clientId, clientSecret)) {
            return error(401, "invalid_client", "unknown client or wrong secret");
        }
        String token = issuer.issue();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", Math.max(1, issuer.ttl().toSeconds()));
        String scope = form.get("scope");
        if (scope != null && !scope.isBlank()) {
            answer.put("scope", scope);
        }
        ObjectNode recorded = answer.deepCopy();
        recorded.put("access_token", "[REDACTED]");
        return HttpReply.json(200, answer)
                .withHeader("Cache-Control", "no-store")
                .withRecordedBody(recorded + "\n");
    }

    /** The form body with {@code client_secret} masked, for the exchange log. */
    static String redactForm(String body) {
        return body.replaceAll("(?i)(client_secret=)[^&]*", "$1[REDACTED]");
    }

    private static HttpReply error(int status, String code, String description) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error", code);
        node.put("error_description", description);
        return HttpReply.json(status, node);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
