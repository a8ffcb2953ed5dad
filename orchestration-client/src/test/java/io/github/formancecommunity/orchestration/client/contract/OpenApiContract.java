package io.github.formancecommunity.orchestration.client.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * The Orchestration V1 OpenAPI contract ({@code ../shared/spec/orchestration-v1.openapi.yaml}) as a checker of
 * recorded HTTP exchanges, built on {@code swagger-request-validator-core}.
 *
 * <p>A request conforms when its path, method, parameters (including their types, e.g. the integer stage
 * {@code number}), {@code Content-Type}, body and security match the operation; a response conforms when its
 * status is declared for the operation and its {@code Content-Type} and body match that status' definition.
 *
 * <p>How the validator is set up, and why:
 * <ul>
 *   <li>The spec's paths already carry {@code /api/orchestration} and its servers have no path, so recorded paths
 *       are matched as they are; an exchange recorded with another path prefix does not conform.</li>
 *   <li>The validator does not check {@code oauth2} schemes (it logs "not currently supported" and passes). Every
 *       operation of the spec requires the {@code Authorization} oauth2 scheme, whose access tokens travel as
 *       bearer tokens (RFC 6750), so {@link OAuth2BearerCheck} requires an {@code Authorization: Bearer <token>}
 *       header with a well-formed token. Scopes cannot be seen in an opaque token and are not checked.</li>
 *   <li>Query parameters the spec does not declare are errors (the library ignores them by default): the client
 *       must not rely on the server's undocumented {@code pageSize}/{@code cursor}.</li>
 *   <li>Unknown JSON properties are allowed, as JSON Schema says when a schema does not set
 *       {@code additionalProperties: false} (no schema of this spec does). The server sends fields the spec
 *       lacks ({@code deletedAt}, {@code temporalRunID}, {@code txid}, {@code details}, {@code Trigger.workflow})
 *       and the client must accept them.</li>
 *   <li>{@link KnownServerDeviations} lists the few places where the real server's documented wire format
 *       contradicts the spec; each is matched narrowly (status, operation, message key, JSON pointer) so the same
 *       kind of violation anywhere else still fails.</li>
 * </ul>
 */
public final class OpenApiContract {

    /** The system property naming the spec file; the root pom sets it for Surefire. */
    public static final String SPEC_PROPERTY = "orchestration.spec";

    private static final ConcurrentMap<Path, OpenApiContract> LOADED = new ConcurrentHashMap<>();

    private final Path spec;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(Path spec) {
        this.spec = spec;
        String location = spec.toUri().toString();
        OpenAPI api = new OpenAPIV3Parser().read(location);
        if (api == null) {
            throw new IllegalStateException("The OpenAPI file " + spec + " could not be parsed");
        }
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(location)
                .withLevelResolver(levels())
                .withWhitelist(KnownServerDeviations.whitelist())
                .withCustomRequestValidation(new OAuth2BearerCheck(api))
                .build();
    }

    /**
     * The contract named by the {@value #SPEC_PROPERTY} system property. Loaded once per file.
     *
     * @throws IllegalStateException when the property is unset or blank, or the file does not exist
     */
    public static OpenApiContract load() {
        return load(System.getProperty(SPEC_PROPERTY));
    }

    static OpenApiContract load(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("The system property '" + SPEC_PROPERTY + "' is not set. It must name "
                    + "the Orchestration V1 OpenAPI file (../shared/spec/orchestration-v1.openapi.yaml); the root "
                    + "pom sets it for Surefire, so run contract tests through Maven or pass -D" + SPEC_PROPERTY
                    + "=<path>.");
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The Orchestration V1 OpenAPI file named by the system property '"
                    + SPEC_PROPERTY + "' does not exist: " + path);
        }
        return LOADED.computeIfAbsent(path, OpenApiContract::new);
    }

    /**
     * Everything in the exchange that contradicts the spec, request and response, one readable line each.
     *
     * @return the violations; empty when both the request and the response conform
     */
    public List<String> violations(RecordedExchange exchange) {
        ValidationReport report = validator.validate(toRequest(exchange), toResponse(exchange));
        List<String> violations = new ArrayList<>();
        for (Message message : report.getMessages()) {
            if (message.getLevel() == Level.ERROR) {
                violations.add(describe(message));
            }
        }
        return violations;
    }

    /**
     * Fails when the exchange contradicts the spec.
     *
     * @throws AssertionError listing every violation
     */
    public void assertConforms(RecordedExchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError(exchange.describe() + " does not conform to " + spec.getFileName() + ":\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /**
     * The exchange WireMock recorded in a serve event.
     *
     * @throws IllegalArgumentException when the event has no response yet
     */
    public static RecordedExchange fromServeEvent(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        LoggedResponse response = event.getResponse();
        if (response == null) {
            throw new IllegalArgumentException("The serve event of " + request.getMethod() + " " + request.getUrl()
                    + " has no response yet");
        }
        String url = request.getUrl();
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        Map<String, List<String>> query = queryStart < 0 ? Map.of() : parseQuery(url.substring(queryStart + 1));
        return new RecordedExchange(request.getMethod().getName(), path, query, headers(request.getHeaders()),
                request.getBodyAsString(), response.getStatus(), headers(response.getHeaders()),
                response.getBodyAsString());
    }

    private static LevelResolver levels() {
        return LevelResolver.create()
                .withDefaultLevel(Level.ERROR)
                // The library ignores undeclared query parameters by default; the client must not send any.
                .withLevel("validation.request.parameter.query.unexpected", Level.ERROR)
                // Unknown properties are valid JSON Schema (no schema here sets additionalProperties: false), and
                // the server sends fields the spec lacks. Keeping the library's injection off also keeps the allOf
                // of Trigger valid.
                .withLevel("validation.schema.additionalProperties", Level.IGNORE)
                .build();
    }

    private static Request toRequest(RecordedExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.query().forEach(builder::withQueryParam);
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody(), StandardCharsets.UTF_8);
        }
        return builder.build();
    }

    private static SimpleResponse toResponse(RecordedExchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody() != null) {
            builder.withBody(exchange.responseBody(), StandardCharsets.UTF_8);
        }
        return builder.build();
    }

    private static String describe(Message message) {
        StringBuilder text = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
        message.getContext().flatMap(MessageContext::getPointers)
                .ifPresent(pointers -> text.append(" [at ").append(pointers.getInstance().isEmpty() ? "/"
                        : pointers.getInstance()).append(']'));
        for (Message nested : message.getNestedMessages()) {
            text.append("\n      ").append(describe(nested).replace("\n", "\n      "));
        }
        return text.toString();
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (headers != null) {
            for (HttpHeader header : headers.all()) {
                map.put(header.key(), header.values());
            }
        }
        return map;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> List.copyOf(entry.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
