package io.github.formancecommunity.orchestration.client.contract;

import java.util.regex.Pattern;

import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;

/**
 * The places where the real Orchestration V1 server (flows v2.6.0) answers differently from its own spec, as
 * documented in {@code ../shared/spec/API-NOTES.md} and {@code SERVER-BEHAVIOUR.md}. The client is built to read
 * these answers, so tests stub them, and the contract accepts them here, each as narrowly as the deviation
 * itself. Nothing in a request is relaxed: what the client sends must follow the spec.
 */
final class KnownServerDeviations {

    private KnownServerDeviations() {
    }

    static ValidationErrorsWhitelist whitelist() {
        return ValidationErrorsWhitelist.create()
                .withRule("Error statuses with an empty body: the server's auth middleware answers 401, a "
                        + "non-integer stage number 404 and its panic recoverer 500 without a body, although every "
                        + "operation's default response is a JSON Error (API-NOTES 3 and 5). A 2xx without its "
                        + "body still fails.",
                        WhitelistRules.allOf(
                                WhitelistRules.isResponse(),
                                WhitelistRules.messageHasKey("validation.response.body.missing"),
                                WhitelistRules.responseStatusTypeIs(StatusType.CLIENT_ERROR)
                                        .or(WhitelistRules.responseStatusTypeIs(StatusType.SERVER_ERROR))))
                .withRule("The CreateTransaction output of a stage history is an array of transactions with txid, "
                        + "where the spec has one Transaction object (API-NOTES 7.9, SERVER-BEHAVIOUR P2).",
                        WhitelistRules.allOf(
                                WhitelistRules.isResponse(),
                                WhitelistRules.responseStatusIs(200),
                                operationIs("getInstanceStageHistory"),
                                WhitelistRules.messageHasKey("validation.response.body.schema.type"),
                                instancePointerMatches("/data/\\d+/output/CreateTransaction/data")))
                .withRule("The AddAccountMetadata input of a stage history names the account 'account', where the "
                        + "spec requires 'id' (SERVER-BEHAVIOUR 3.12).",
                        WhitelistRules.allOf(
                                WhitelistRules.isResponse(),
                                WhitelistRules.responseStatusIs(200),
                                operationIs("getInstanceStageHistory"),
                                WhitelistRules.messageHasKey("validation.response.body.schema.required"),
                                instancePointerMatches("/data/\\d+/input/AddAccountMetadata")));
    }

    private static WhitelistRule operationIs(String operationId) {
        return (message, operation, request, response) -> operation != null
                && operationId.equals(operation.getOperation().getOperationId());
    }

    private static WhitelistRule instancePointerMatches(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return (message, operation, request, response) -> message.getContext()
                .flatMap(context -> context.getPointers())
                .map(pointers -> pattern.matcher(pointers.getInstance()).matches())
                .orElse(false);
    }
}
