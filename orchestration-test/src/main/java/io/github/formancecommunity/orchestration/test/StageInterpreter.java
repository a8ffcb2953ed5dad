package io.github.formancecommunity.orchestration.test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts one stage of a run: records its history entry (the input as the real server renders it) and the
 * activities it performs, and says what happens next. Called by the {@link InstanceEngine} under the store lock,
 * with a spec whose variables are already resolved.
 */
final class StageInterpreter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Store store;

    StageInterpreter(Store store) {
        this.store = store;
    }

    /**
     * Starts the stage.
     *
     * @throws StageFailure when the spec does not validate (the stage then has no history entry)
     */
    StageStep begin(StageRecord stage, String type, JsonNode spec, Instant now) {
        return switch (type) {
            case "send" -> send(stage, object(spec, type), now);
            case "delay" -> delay(stage, object(spec, type), now);
            case "wait_event" -> waitEvent(stage, object(spec, type), now);
            case "update" -> update(stage, object(spec, type), now);
            case "noop" -> {
                stage.history = new HistoryRecord("RunNoop", NODES.objectNode(), now);
                yield new StageStep.Completed();
            }
            default -> throw new StageFailure("unknown stage type '" + type + "'");
        };
    }

    private StageStep send(StageRecord stage, ObjectNode spec, Instant now) {
        SendSide source = SendSide.of(spec.get("source"), "source");
        SendSide destination = SendSide.of(spec.get("destination"), "destination");
        ObjectNode amount = amount(spec.get("amount"));
        Map<String, JsonNode> input = new TreeMap<>();
        if (amount != null) {
            input.put("amount", amount);
        }
        input.put("destination", destination.rendered());
        ObjectNode metadata = stringMap(spec.get("metadata"), "metadata");
        if (metadata != null && !metadata.isEmpty()) {
            input.put("metadata", metadata);
        }
        input.put("source", source.rendered());
        JsonNode timestamp = spec.get("timestamp");
        input.put("timestamp", timestamp == null || timestamp.isNull() ? NODES.nullNode() : timestamp.deepCopy());
        stage.history = new HistoryRecord("RunSend", sorted(input), now);

        if (amount == null) {
            if (source.isPayment()) {
                return new StageStep.Completed();
            }
            return new StageStep.Failed("amount must be specified");
        }
        if (source.isAccount() && destination.isAccount()) {
            String timestampText = timestamp != null && timestamp.isString() ? timestamp.asString() : null;
            createTransactions(stage.history, source, destination, amount, metadata, timestampText, now);
        }
        return new StageStep.Completed();
    }

    private void createTransactions(HistoryRecord history, SendSide source, SendSide destination, ObjectNode amount,
            ObjectNode metadata, String timestamp, Instant now) {
        if (source.ledger().equals(destination.ledger())) {
            history.activities.add(transaction(source.ledger(), source.id(), destination.id(), amount, metadata,
                    timestamp, now));
        }
        else {
            history.activities.add(transaction(source.ledger(), source.id(), source.throughAccount(), amount,
                    metadata, timestamp, now));
            history.activities.add(transaction(destination.ledger(), destination.throughAccount(), destination.id(),
                    amount, metadata, timestamp, now));
        }
    }

    private ActivityRecord transaction(String ledger, String from, String to, ObjectNode amount, ObjectNode metadata,
            String timestamp, Instant now) {
        ObjectNode posting = NODES.objectNode();
        posting.set("amount", amount.get("amount").deepCopy());
        posting.set("asset", amount.get("asset").deepCopy());
        posting.put("destination", to);
        posting.put("source", from);

        ObjectNode data = NODES.objectNode();
        if (timestamp != null) {
            data.put("timestamp", timestamp);
        }
        data.putArray("postings").add(posting.deepCopy());
        if (metadata != null && !metadata.isEmpty()) {
            data.set("metadata", metadata.deepCopy());
        }
        ObjectNode request = NODES.objectNode();
        request.put("Ledger", ledger);
        request.set("Data", data);
        ObjectNode input = NODES.objectNode();
        input.set("CreateTransaction", request);

        long txid = store.nextTransactionId(ledger);
        ObjectNode transaction = NODES.objectNode();
        transaction.put("id", txid);
        transaction.put("txid", txid);
        transaction.putArray("postings").add(posting);
        transaction.set("metadata", metadata == null ? NODES.objectNode() : metadata.deepCopy());
        transaction.put("timestamp", timestamp != null ? timestamp : Timestamps.format(Timestamps.roundedToMicros(now)));
        transaction.put("reverted", false);
        transaction.put("insertedAt", Timestamps.format(Timestamps.roundedToMicros(now)));
        ObjectNode response = NODES.objectNode();
        response.putArray("data").add(transaction);
        ObjectNode output = NODES.objectNode();
        output.set("CreateTransaction", response);
        return new ActivityRecord("CreateTransaction", input, output, now, now);
    }

    private StageStep delay(StageRecord stage, ObjectNode spec, Instant now) {
        JsonNode duration = spec.get("duration");
        JsonNode until = spec.get("until");
        boolean hasDuration = duration != null && !duration.isNull();
        boolean hasUntil = until != null && !until.isNull();
        if (hasDuration == hasUntil) {
            throw new StageFailure("delay: exactly one of 'duration' or 'until' must be set");
        }
        ObjectNode input = NODES.objectNode();
        Duration wait;
        if (hasDuration) {
            if (!duration.isString()) {
                throw new StageFailure("delay: 'duration' must be a string such as \"5s\"");
            }
            Duration parsed;
            try {
                parsed = GoDuration.parse(duration.asString());
            }
            catch (IllegalArgumentException ex) {
                throw new StageFailure(ex.getMessage());
            }
            input.put("duration", GoDuration.format(parsed));
            wait = parsed;
        }
        else {
            Instant target = Timestamps.parseRfc3339(until.asString());
            if (target == null) {
                throw new StageFailure("delay: 'until' is not an RFC 3339 date-time: " + until);
            }
            input.put("until", Timestamps.format(target));
            wait = Duration.between(now, target);
        }
        stage.history = new HistoryRecord("RunDelay", input, now);
        return new StageStep.Wait(wait.isNegative() ? Duration.ZERO : wait);
    }

    private StageStep waitEvent(StageRecord stage, ObjectNode spec, Instant now) {
        JsonNode event = spec.get("event");
        if (event == null || !event.isString() || event.asString().isEmpty()) {
            throw new StageFailure("wait_event: 'event' is required");
        }
        ObjectNode input = NODES.objectNode();
        input.put("event", event.asString());
        stage.history = new HistoryRecord("RunWaitEvent", input, now);
        return new StageStep.AwaitEvent(event.asString());
    }

    private StageStep update(StageRecord stage, ObjectNode spec, Instant now) {
        JsonNode account = spec.get("account");
        if (account == null || !account.isObject() || !account.path("id").isString()
                || account.path("id").asString().isEmpty()) {
            throw new StageFailure("update: 'account.id' is required");
        }
        String id = account.get("id").asString();
        String ledger = account.path("ledger").isString() ? account.get("ledger").asString() : "main";
        ObjectNode metadata = stringMap(account.get("metadata"), "account.metadata");
        ObjectNode rendered = sorted(Map.of("id", NODES.stringNode(id), "ledger", NODES.stringNode(ledger),
                "metadata", metadata == null ? NODES.objectNode() : metadata));
        ObjectNode input = NODES.objectNode();
        input.set("account", rendered);
        stage.history = new HistoryRecord("RunUpdate", input, now);

        ObjectNode request = NODES.objectNode();
        request.put("ledger", ledger);
        request.put("account", id);
        request.set("metadata", metadata == null ? NODES.objectNode() : metadata.deepCopy());
        ObjectNode activityInput = NODES.objectNode();
        activityInput.set("AddAccountMetadata", request);
        stage.history.activities.add(new ActivityRecord("AddAccountMetadata", activityInput, null, now, now));
        return new StageStep.Completed();
    }

    private static ObjectNode object(JsonNode spec, String type) {
        if (spec == null || spec.isNull()) {
            return NODES.objectNode();
        }
        if (!spec.isObject()) {
            throw new StageFailure(type + ": the stage spec must be an object");
        }
        return (ObjectNode) spec;
    }

    /** The amount as {@code {"amount": <integer>, "asset": ...}}, or {@code null} when the stage has none. */
    private static ObjectNode amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("asset").isString()) {
            throw new StageFailure("amount: 'asset' and 'amount' are required");
        }
        JsonNode value = node.get("amount");
        BigInteger amount;
        try {
            if (value != null && value.isIntegralNumber()) {
                amount = value.bigIntegerValue();
            }
            else if (value != null && value.isNumber()) {
                amount = value.decimalValue().toBigIntegerExact();
            }
            else if (value != null && value.isString()) {
                amount = new BigInteger(value.asString().strip());
            }
            else {
                throw new StageFailure("amount: 'asset' and 'amount' are required");
            }
        }
        catch (NumberFormatException | ArithmeticException ex) {
            throw new StageFailure("amount: cannot use " + value + " as an integer");
        }
        if (amount.signum() < 0) {
            throw new StageFailure("amount: must not be negative");
        }
        ObjectNode rendered = NODES.objectNode();
        rendered.put("amount", amount);
        rendered.put("asset", node.get("asset").asString());
        return rendered;
    }

    private static ObjectNode stringMap(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new StageFailure(field + ": must be an object of strings");
        }
        Map<String, JsonNode> values = new TreeMap<>();
        node.properties().forEach(entry -> {
            if (!entry.getValue().isString()) {
                throw new StageFailure(field + "." + entry.getKey() + ": must be a string");
            }
            values.put(entry.getKey(), entry.getValue());
        });
        return sorted(values);
    }

    static ObjectNode sorted(Map<String, ? extends JsonNode> values) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(values).forEach(node::set);
        return node;
    }

    /** One side of a send: a ledger account, a wallet or a payment, with the server's defaults applied. */
    private record SendSide(String kind, ObjectNode rendered) {

        static SendSide of(JsonNode node, String field) {
            if (node == null || !node.isObject()) {
                throw new StageFailure(field + ": exactly one of 'wallet', 'account' or 'payment' must be set");
            }
            List<String> kinds = List.of("account", "wallet", "payment").stream()
                    .filter(kind -> node.has(kind) && !node.get(kind).isNull())
                    .toList();
            if (kinds.size() != 1) {
                throw new StageFailure(field + ": exactly one of 'wallet', 'account' or 'payment' must be set");
            }
            String kind = kinds.get(0);
            JsonNode value = node.get(kind);
            if (!value.isObject()) {
                throw new StageFailure(field + "." + kind + ": must be an object");
            }
            Map<String, JsonNode> rendered = new TreeMap<>();
            value.properties().forEach(entry -> rendered.put(entry.getKey(), entry.getValue().deepCopy()));
            switch (kind) {
                case "account" -> {
                    requireText(value, "id", field + ".account");
                    rendered.putIfAbsent("ledger", NODES.stringNode("default"));
                    rendered.putIfAbsent("throughAccount", NODES.stringNode("world"));
                    rendered.putIfAbsent("allowOverdraft", NODES.booleanNode(false));
                }
                case "wallet" -> {
                    if (value.path("id").asString("").isEmpty() && value.path("name").asString("").isEmpty()) {
                        throw new StageFailure(field + ".wallet: 'id' or 'name' is required");
                    }
                    rendered.putIfAbsent("balance", NODES.stringNode("main"));
                }
                default -> {
                    if ("source".equals(field)) {
                        requireText(value, "id", field + ".payment");
                        rendered.putIfAbsent("throughAccount", NODES.stringNode("world"));
                        rendered.putIfAbsent("allowOverdraft", NODES.booleanNode(false));
                    }
                    else {
                        requireText(value, "psp", field + ".payment");
                        rendered.putIfAbsent("type", NODES.stringNode("TRANSFER"));
                        rendered.putIfAbsent("metadata", NODES.stringNode("formanceAccountID"));
                        rendered.putIfAbsent("waitingValidation", NODES.booleanNode(false));
                    }
                }
            }
            ObjectNode side = NODES.objectNode();
            side.set(kind, sorted(rendered));
            return new SendSide(kind, side);
        }

        private static void requireText(JsonNode value, String key, String field) {
            if (!value.path(key).isString() || value.path(key).asString().isEmpty()) {
                throw new StageFailure(field + ": '" + key + "' is required");
            }
        }

        boolean isAccount() {
            return "account".equals(kind);
        }

        boolean isPayment() {
            return "payment".equals(kind);
        }

        private JsonNode account() {
            return rendered.get("account");
        }

        String id() {
            return account().get("id").asString();
        }

        String ledger() {
            return account().get("ledger").asString();
        }

        String throughAccount() {
            return account().get("throughAccount").asString();
        }
    }
}
