package io.github.formancecommunity.orchestration.test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Writes {@code float64} values as Go's {@code encoding/json} does: the shortest decimal that reads back as the
 * same value, in plain notation unless the magnitude is below 1e-6 or at least 1e21, then in exponent notation
 * with a sign and at least two exponent digits, except that a negative exponent loses its leading zero
 * ({@code 1e-7}, {@code 1.5e-10}, {@code 2.1e+21}).
 */
final class GoFloats {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoFloats() {
    }

    static String format(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortest(value);
        double abs = Math.abs(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder();
        if (value < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10 && exponent > 0) {
            text.append('0');
        }
        return text.append(magnitude).toString();
    }

    /** The shortest decimal that parses back to {@code value}, the nearest one among those of that length. */
    static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * A copy of the tree in which every floating-point number is a raw value in Go's notation; the tree itself
     * when it holds none.
     */
    static JsonNode goNotation(JsonNode node) {
        if (!containsFloat(node)) {
            return node;
        }
        if (node.isFloatingPointNumber()) {
            return NODES.rawValueNode(new RawValue(format(node.doubleValue())));
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), goNotation(entry.getValue())));
            return copy;
        }
        ArrayNode copy = NODES.arrayNode();
        node.forEach(element -> copy.add(goNotation(element)));
        return copy;
    }

    private static boolean containsFloat(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return true;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.isObject() ? node.values() : node) {
                if (containsFloat(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
