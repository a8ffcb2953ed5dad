package io.github.formancecommunity.orchestration.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Checks a resolved stage as the real server's {@code schema.ValidateRequirements} does with go-playground's
 * validator: the {@code validate:"required"} fields, then the one-of rules registered for {@code Delay},
 * {@code Source}, {@code Destination}, {@code WalletReference} and {@code Update} (exactly one field set). Each
 * failure reads {@code Key: '<Namespace>' Error:Field validation for '<Field>' failed on the '<tag>' tag}, one per
 * line.
 */
final class StageValidator {

    private final List<String> errors = new ArrayList<>();

    private StageValidator() {
    }

    /** The validator's message for the resolved stage, or {@code null} when it is valid. */
    static String validate(String type, JsonNode stage) {
        StageValidator validator = new StageValidator();
        switch (type) {
            case "send" -> {
                validator.side(stage.get("source"), "Send.Source.", false);
                validator.side(stage.get("destination"), "Send.Destination.", true);
            }
            case "delay" -> validator.oneOf(stage, "Delay.", "duration", "until");
            case "wait_event" -> validator.required(stage, "WaitEvent.", "Event", "event");
            case "update" -> {
                JsonNode account = stage.get("account");
                if (account != null && !account.isNull()) {
                    validator.required(account, "Update.Account.", "ID", "id");
                    validator.required(account, "Update.Account.", "Ledger", "ledger");
                    validator.required(account, "Update.Account.", "Metadata", "metadata");
                }
                validator.oneOf(stage, "Update.", "account");
            }
            default -> {
                // noop has no rule
            }
        }
        return validator.errors.isEmpty() ? null : String.join("\n", validator.errors);
    }

    private void side(JsonNode side, String namespace, boolean destination) {
        if (side == null || !side.isObject()) {
            return;
        }
        JsonNode wallet = side.get("wallet");
        if (isSet(wallet)) {
            oneOf(wallet, namespace + "Wallet.WalletReference.", "id", "name");
            required(wallet, namespace + "Wallet.", "Balance", "balance");
        }
        JsonNode account = side.get("account");
        if (isSet(account)) {
            required(account, namespace + "Account.", "ID", "id");
            required(account, namespace + "Account.", "Ledger", "ledger");
        }
        JsonNode payment = side.get("payment");
        if (isSet(payment) && !destination) {
            required(payment, namespace + "Payment.", "ID", "id");
        }
        oneOf(side, namespace, "wallet", "account", "payment");
    }

    private void required(JsonNode object, String namespace, String field, String json) {
        if (!isSet(object.get(json))) {
            errors.add(message(namespace + field, field, "required"));
        }
    }

    /** Exactly one of the fields set; otherwise one error per field, tagged with the choices. */
    private void oneOf(JsonNode object, String namespace, String... fields) {
        int set = 0;
        for (String field : fields) {
            if (isSet(object.get(field))) {
                set++;
            }
        }
        if (set == 1) {
            return;
        }
        String choices = String.join(" or ", fields);
        for (String field : fields) {
            errors.add(message(namespace + field, field, choices));
        }
    }

    /** Go's non-zero test on a resolved value: not nil, not {@code ""}, not {@code false}. */
    private static boolean isSet(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.asString().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return true;
    }

    private static String message(String namespace, String field, String tag) {
        return "Key: '" + namespace + "' Error:Field validation for '" + field + "' failed on the '" + tag + "' tag";
    }
}
