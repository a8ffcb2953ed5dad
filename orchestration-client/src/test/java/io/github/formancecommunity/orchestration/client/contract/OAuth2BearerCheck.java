package io.github.formancecommunity.orchestration.client.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.interaction.request.CustomRequestValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Checks the security of requests to operations that need an {@code oauth2} scheme, which
 * {@code swagger-request-validator-core} skips: such a request must carry {@code Authorization: Bearer <token>}
 * with a token of the RFC 6750 {@code b64token} syntax. The token itself never appears in a message.
 */
final class OAuth2BearerCheck implements CustomRequestValidator {

    static final String MISSING_KEY = "validation.request.security.missing";
    static final String INVALID_KEY = "validation.request.security.invalid";

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer [A-Za-z0-9\\-._~+/]+=*");

    private final Set<String> oauth2Schemes;

    OAuth2BearerCheck(OpenAPI api) {
        Map<String, SecurityScheme> schemes = api.getComponents() == null
                || api.getComponents().getSecuritySchemes() == null ? Map.of()
                        : api.getComponents().getSecuritySchemes();
        this.oauth2Schemes = schemes.entrySet().stream()
                .filter(entry -> entry.getValue().getType() == SecurityScheme.Type.OAUTH2)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public ValidationReport validate(Request request, ApiOperation operation) {
        List<SecurityRequirement> requirements = operation.getOperation().getSecurity();
        if (requirements == null || requirements.isEmpty() || !everyAlternativeNeedsOAuth2(requirements)) {
            return ValidationReport.empty();
        }
        String where = operation.getMethod() + " " + operation.getApiPath().original();
        Optional<String> authorization = request.getHeaderValue("Authorization");
        if (authorization.isEmpty()) {
            return ValidationReport.singleton(ValidationReport.Message.create(MISSING_KEY,
                    where + " requires an oauth2 access token (Authorization: Bearer <token>); none was sent.")
                    .build());
        }
        if (!BEARER.matcher(authorization.get()).matches()) {
            return ValidationReport.singleton(ValidationReport.Message.create(INVALID_KEY,
                    where + " requires 'Authorization: Bearer <token>' with an RFC 6750 token; the header sent has "
                            + "another form.")
                    .build());
        }
        return ValidationReport.empty();
    }

    private boolean everyAlternativeNeedsOAuth2(List<SecurityRequirement> requirements) {
        return requirements.stream()
                .allMatch(requirement -> requirement.keySet().stream().anyMatch(oauth2Schemes::contains));
    }
}
