package io.github.formancecommunity.orchestration.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;

/**
 * The run-time semantics of {@link TriggerExpression}, following expr-lang v1.17 on Go values: {@code null} is
 * {@code nil}, {@link Long} is {@code int}, {@link Double} is {@code float64}, {@link String}, {@link Boolean},
 * {@link Map} is {@code map[string]interface {}} and {@link List} is {@code []interface {}}. Failures throw
 * {@link IllegalStateException} with expr-lang's or Go's wording.
 */
final class ExprRuntime {

    /** The builtins that compile. */
    static final Set<String> BUILTINS = Set.of("len", "lower", "upper", "trim", "trimPrefix", "trimSuffix",
            "split", "join", "replace", "string", "int", "float", "abs");

    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("len", new int[] {1, 1}), Map.entry("lower", new int[] {1, 1}),
            Map.entry("upper", new int[] {1, 1}), Map.entry("trim", new int[] {1, 2}),
            Map.entry("trimPrefix", new int[] {2, 2}), Map.entry("trimSuffix", new int[] {2, 2}),
            Map.entry("split", new int[] {2, 3}), Map.entry("join", new int[] {1, 2}),
            Map.entry("replace", new int[] {3, 3}), Map.entry("string", new int[] {1, 1}),
            Map.entry("int", new int[] {1, 1}), Map.entry("float", new int[] {1, 1}),
            Map.entry("abs", new int[] {1, 1}));

    private ExprRuntime() {
    }

    /** The payload as Go's {@code encoding/json} decodes it into {@code any}: every number a float64. */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(fromJson(element)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), fromJson(entry.getValue())));
        return map;
    }

    static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        return "[]interface {}";
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalStateException("interface conversion: interface {} is "
                + (value == null ? "nil" : typeName(value)) + ", not bool");
    }

    static Object member(Object target, String name) {
        if (target instanceof Map<?, ?> map) {
            return map.get(name);
        }
        throw new IllegalStateException("cannot fetch " + name + " from " + typeName(target));
    }

    static Object index(Object target, Object key) {
        if (target instanceof Map<?, ?> map && key instanceof String name) {
            return map.get(name);
        }
        if (target instanceof List<?> list && isNumber(key)) {
            long i = ((Number) key).longValue();
            if (i < 0) {
                i += list.size();
            }
            if (i < 0 || i >= list.size()) {
                throw new IllegalStateException("index out of range: " + sprint(key) + " (array length "
                        + list.size() + ")");
            }
            return list.get((int) i);
        }
        throw new IllegalStateException("cannot fetch " + sprint(key) + " from " + typeName(target));
    }

    static Object negate(Object value) {
        if (value instanceof Long number) {
            return -number;
        }
        if (value instanceof Double number) {
            return -number;
        }
        throw new IllegalStateException("invalid operation: - (mismatched type " + typeName(value) + ")");
    }

    static Object plus(Object value) {
        if (isNumber(value)) {
            return value;
        }
        throw new IllegalStateException("invalid operation: + (mismatched type " + typeName(value) + ")");
    }

    static Object binary(String operator, Object left, Object right) {
        return switch (operator) {
            case "==" -> equal(left, right);
            case "!=" -> !equal(left, right);
            case "<", ">", "<=", ">=" -> compare(operator, left, right);
            case "+" -> {
                if (left instanceof String a && right instanceof String b) {
                    yield a + b;
                }
                yield arithmetic(operator, left, right);
            }
            case "-", "*", "%" -> arithmetic(operator, left, right);
            case "/" -> {
                requireNumbers(operator, left, right);
                yield ((Number) left).doubleValue() / ((Number) right).doubleValue();
            }
            case "**", "^" -> {
                requireNumbers(operator, left, right);
                yield Math.pow(((Number) left).doubleValue(), ((Number) right).doubleValue());
            }
            case "in" -> in(left, right);
            case "contains" -> text(left).contains(text(right));
            case "startsWith" -> text(left).startsWith(text(right));
            case "endsWith" -> text(left).endsWith(text(right));
            case "matches" -> {
                try {
                    yield Pattern.compile(text(right)).matcher(text(left)).find();
                }
                catch (PatternSyntaxException ex) {
                    throw new IllegalStateException("error parsing regexp: " + ex.getDescription());
                }
            }
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    private static void requireNumbers(String operator, Object left, Object right) {
        if (!isNumber(left) || !isNumber(right)) {
            throw mismatched(operator, left, right);
        }
    }

    private static IllegalStateException mismatched(String operator, Object left, Object right) {
        return new IllegalStateException("invalid operation: " + operator + " (mismatched types "
                + typeName(left) + " and " + typeName(right) + ")");
    }

    private static Object arithmetic(String operator, Object left, Object right) {
        requireNumbers(operator, left, right);
        if (left instanceof Long a && right instanceof Long b) {
            return switch (operator) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                default -> {
                    if (b == 0) {
                        throw new IllegalStateException("runtime error: integer divide by zero");
                    }
                    yield a % b;
                }
            };
        }
        if (operator.equals("%")) {
            throw mismatched(operator, left, right);
        }
        double a = ((Number) left).doubleValue();
        double b = ((Number) right).doubleValue();
        return switch (operator) {
            case "+" -> a + b;
            case "-" -> a - b;
            default -> a * b;
        };
    }

    static boolean equal(Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            if (left instanceof Long a && right instanceof Long b) {
                return a.longValue() == b.longValue();
            }
            return ((Number) left).doubleValue() == ((Number) right).doubleValue();
        }
        return Objects.equals(left, right);
    }

    private static boolean compare(String operator, Object left, Object right) {
        int order;
        if (isNumber(left) && isNumber(right)) {
            order = left instanceof Long a && right instanceof Long b ? Long.compare(a, b)
                    : Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
        }
        else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        }
        else {
            throw mismatched(operator, left, right);
        }
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean in(Object needle, Object container) {
        if (container instanceof List<?> list) {
            for (Object element : list) {
                if (equal(needle, element)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> map) {
            if (needle instanceof String key) {
                return map.containsKey(key);
            }
            throw new IllegalStateException("cannot use " + typeName(needle) + " as type string in map key");
        }
        throw new IllegalStateException("operator \"in\" not defined on " + typeName(container));
    }

    private static String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        throw new IllegalStateException("interface conversion: interface {} is "
                + (value == null ? "nil" : typeName(value)) + ", not string");
    }

    /** {@code null} when the builtin takes that many arguments, else expr-lang's message. */
    static String checkArity(String name, int count) {
        int[] bounds = ARITY.get(name);
        if (count < bounds[0]) {
            return "not enough arguments to call " + name;
        }
        if (count > bounds[1]) {
            return "too many arguments to call " + name;
        }
        return null;
    }

    static Object call(String name, List<Object> args) {
        Object first = args.get(0);
        return switch (name) {
            case "len" -> {
                if (first instanceof String string) {
                    yield (long) string.getBytes(StandardCharsets.UTF_8).length;
                }
                if (first instanceof List<?> list) {
                    yield (long) list.size();
                }
                if (first instanceof Map<?, ?> map) {
                    yield (long) map.size();
                }
                throw new IllegalStateException("invalid argument for len (type " + typeName(first) + ")");
            }
            case "lower" -> text(first).toLowerCase(java.util.Locale.ROOT);
            case "upper" -> text(first).toUpperCase(java.util.Locale.ROOT);
            case "trim" -> args.size() == 1 ? text(first).strip() : trim(text(first), text(args.get(1)));
            case "trimPrefix" -> {
                String value = text(first);
                String prefix = text(args.get(1));
                yield value.startsWith(prefix) ? value.substring(prefix.length()) : value;
            }
            case "trimSuffix" -> {
                String value = text(first);
                String suffix = text(args.get(1));
                yield value.endsWith(suffix) ? value.substring(0, value.length() - suffix.length()) : value;
            }
            case "split" -> split(text(first), text(args.get(1)),
                    args.size() == 3 ? toInt(args.get(2)) : -1);
            case "join" -> {
                if (!(first instanceof List<?> list)) {
                    throw new IllegalStateException("invalid argument for join (type " + typeName(first) + ")");
                }
                List<String> parts = new ArrayList<>();
                for (Object element : list) {
                    parts.add(text(element));
                }
                yield String.join(args.size() == 2 ? text(args.get(1)) : "", parts);
            }
            case "replace" -> text(first).replace(text(args.get(1)), text(args.get(2)));
            case "string" -> sprint(first);
            case "int" -> toInt(first);
            case "float" -> toFloat(first);
            case "abs" -> {
                if (first instanceof Long number) {
                    yield Math.abs(number);
                }
                if (first instanceof Double number) {
                    yield Math.abs(number);
                }
                throw new IllegalStateException("invalid argument for abs (type " + typeName(first) + ")");
            }
            default -> throw new IllegalStateException("unknown func " + name);
        };
    }

    private static String trim(String value, String cutset) {
        int start = 0;
        int end = value.length();
        while (start < end && cutset.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    private static List<Object> split(String value, String separator, long limit) {
        if (limit == 0) {
            return new ArrayList<>();
        }
        List<Object> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            value.codePoints().forEach(point -> parts.add(new String(Character.toChars(point))));
            return parts;
        }
        int from = 0;
        while (limit < 0 || parts.size() < limit - 1) {
            int at = value.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            parts.add(value.substring(from, at));
            from = at + separator.length();
        }
        parts.add(value.substring(from));
        return parts;
    }

    private static long toInt(Object value) {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Double number) {
            return number.longValue();
        }
        if (value instanceof String string) {
            try {
                return Long.parseLong(string);
            }
            catch (NumberFormatException ex) {
                throw new IllegalStateException("strconv.Atoi: parsing \"" + string + "\": invalid syntax");
            }
        }
        throw new IllegalStateException("invalid operation: int(" + typeName(value) + ")");
    }

    private static double toFloat(Object value) {
        if (value instanceof Long number) {
            return number.doubleValue();
        }
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof String string) {
            try {
                return Double.parseDouble(string);
            }
            catch (NumberFormatException ex) {
                throw new IllegalStateException("strconv.ParseFloat: parsing \"" + string + "\": invalid syntax");
            }
        }
        throw new IllegalStateException("invalid operation: float(" + typeName(value) + ")");
    }

    /** Go's {@code fmt.Sprint} of the value. */
    static String sprint(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Double number) {
            return goFloat(number);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("map[");
            new TreeMap<>(map).forEach((key, element) -> {
                if (text.length() > 4) {
                    text.append(' ');
                }
                text.append(key).append(':').append(sprint(element));
            });
            return text.append(']').toString();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(element -> parts.add(sprint(element)));
            return "[" + String.join(" ", parts) + "]";
        }
        return value.toString();
    }

    /** Go's {@code json.Marshal} of a float64. */
    static String jsonFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalStateException("json: unsupported value: " + goFloat(value));
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String text = exponent(value);
            return text.replaceFirst("e-0(\\d)$", "e-$1");
        }
        return plain(value);
    }

    /** Go's {@code %v} of a float64 (strconv 'g', shortest). */
    static String goFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        return exponent < -4 || exponent >= 6 ? exponent(value) : plain(value);
    }

    private static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String exponent(double value) {
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = decimal.precision() - decimal.scale() - 1;
        StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        String magnitude = Integer.toString(Math.abs(exponent));
        if (magnitude.length() < 2) {
            text.append('0');
        }
        return text.append(magnitude).toString();
    }
}
