package io.github.formancecommunity.orchestration.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import tools.jackson.databind.JsonNode;

/**
 * The subset of expr-lang that the embedded server evaluates in trigger filters and variables, with the event
 * payload bound to {@code event} as on the real server.
 *
 * <p>Supported: {@code event} with member access ({@code event.a.b}, {@code event["a-b"]}, {@code event.list[0]});
 * string ({@code 'x'}, {@code "x"}), number, {@code true}, {@code false} and {@code nil} literals; {@code ==},
 * {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}; {@code &&}/{@code and}, {@code ||}/{@code or},
 * {@code !}/{@code not}; parentheses. Anything else (functions such as {@code link}, arithmetic, {@code in}) does
 * not compile here.
 */
final class TriggerExpression {

    private final String source;
    private final Node root;

    private TriggerExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles an expression.
     *
     * @throws IllegalArgumentException with the real server's wording {@code error compiling expression '...': ...}
     */
    static TriggerExpression compile(String source) {
        try {
            Parser parser = new Parser(tokenize(source));
            Node root = parser.expression();
            parser.expectEnd();
            return new TriggerExpression(source, root);
        }
        catch (IllegalStateException ex) {
            throw new IllegalArgumentException("error compiling expression '" + source + "': " + ex.getMessage());
        }
    }

    /** Whether the expression is {@code true} for the event; an evaluation error counts as no match. */
    boolean matches(JsonNode event) {
        try {
            return Boolean.TRUE.equals(root.evaluate(event));
        }
        catch (IllegalStateException ex) {
            return false;
        }
    }

    /**
     * The value as a trigger variable: strings as they are, numbers in plain notation, {@code <nil>} for nil,
     * objects and arrays as JSON.
     *
     * @throws IllegalStateException when the evaluation fails
     */
    String evaluateToString(JsonNode event) {
        Object value = root.evaluate(event);
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigIntegerExact().toString()
                    : number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof JsonNode node) {
            return OrchestrationJson.mapper().writeValueAsString(node);
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return source;
    }

    private interface Node {
        Object evaluate(JsonNode event);
    }

    private record Token(Kind kind, String text, int position) {
    }

    private enum Kind { NUMBER, STRING, IDENT, OPERATOR, END }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (Character.isDigit(c)) {
                int start = i;
                while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.'
                        || source.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, i).replace("_", ""), start));
            }
            else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i))
                        || source.charAt(i) == '_' || source.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, source.substring(start, i), start));
            }
            else if (c == '"' || c == '\'') {
                int start = i++;
                StringBuilder text = new StringBuilder();
                while (i < source.length() && source.charAt(i) != c) {
                    if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                        i++;
                        char escaped = source.charAt(i);
                        text.append(switch (escaped) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> escaped;
                        });
                    }
                    else {
                        text.append(source.charAt(i));
                    }
                    i++;
                }
                if (i >= source.length()) {
                    throw new IllegalStateException("literal not terminated (1:" + (start + 1) + ")");
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            }
            else {
                String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    tokens.add(new Token(Kind.OPERATOR, two, i));
                    i += 2;
                }
                else if ("<>!()[].".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i));
                    i++;
                }
                else {
                    throw new IllegalStateException("unexpected token '" + c + "' (1:" + (i + 1) + ")");
                }
            }
        }
        tokens.add(new Token(Kind.END, "", source.length()));
        return tokens;
    }

    /** Recursive descent: or > and > not > comparison > postfix member access > primary. */
    private static final class Parser {

        private final List<Token> tokens;
        private int index;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node expression() {
            Node left = and();
            while (accept("||") || acceptWord("or")) {
                Node l = left;
                Node r = and();
                left = event -> truthy(l.evaluate(event)) || truthy(r.evaluate(event));
            }
            return left;
        }

        private Node and() {
            Node left = not();
            while (accept("&&") || acceptWord("and")) {
                Node l = left;
                Node r = not();
                left = event -> truthy(l.evaluate(event)) && truthy(r.evaluate(event));
            }
            return left;
        }

        private Node not() {
            if (accept("!") || acceptWord("not")) {
                Node operand = not();
                return event -> !truthy(operand.evaluate(event));
            }
            return comparison();
        }

        private Node comparison() {
            Node left = postfix();
            for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (accept(operator)) {
                    Node right = postfix();
                    return event -> compare(operator, left.evaluate(event), right.evaluate(event));
                }
            }
            return left;
        }

        private Node postfix() {
            Node node = primary();
            while (true) {
                if (accept(".")) {
                    Token name = next();
                    if (name.kind() != Kind.IDENT) {
                        throw unexpected(name);
                    }
                    Node target = node;
                    node = event -> member(target.evaluate(event), name.text());
                }
                else if (accept("[")) {
                    Node key = expression();
                    expect("]");
                    Node target = node;
                    node = event -> index(target.evaluate(event), key.evaluate(event));
                }
                else {
                    return node;
                }
            }
        }

        private Node primary() {
            Token token = next();
            switch (token.kind()) {
                case NUMBER -> {
                    BigDecimal value;
                    try {
                        value = new BigDecimal(token.text());
                    }
                    catch (NumberFormatException ex) {
                        throw new IllegalStateException("invalid number " + token.text());
                    }
                    return event -> value;
                }
                case STRING -> {
                    return event -> token.text();
                }
                case IDENT -> {
                    return switch (token.text()) {
                        case "event" -> event -> value(event);
                        case "true" -> event -> Boolean.TRUE;
                        case "false" -> event -> Boolean.FALSE;
                        case "nil" -> event -> null;
                        default -> throw new IllegalStateException("unknown name " + token.text()
                                + " (1:" + (token.position() + 1) + "); the embedded server only knows 'event'");
                    };
                }
                case OPERATOR -> {
                    if (token.text().equals("(")) {
                        Node inner = expression();
                        expect(")");
                        return inner;
                    }
                    throw unexpected(token);
                }
                default -> throw unexpected(token);
            }
        }

        void expectEnd() {
            Token token = tokens.get(index);
            if (token.kind() != Kind.END) {
                throw unexpected(token);
            }
        }

        private Token next() {
            Token token = tokens.get(index);
            if (token.kind() != Kind.END) {
                index++;
            }
            return token;
        }

        private boolean accept(String operator) {
            Token token = tokens.get(index);
            if (token.kind() == Kind.OPERATOR && token.text().equals(operator)) {
                index++;
                return true;
            }
            return false;
        }

        private boolean acceptWord(String word) {
            Token token = tokens.get(index);
            if (token.kind() == Kind.IDENT && token.text().equals(word)) {
                index++;
                return true;
            }
            return false;
        }

        private void expect(String operator) {
            if (!accept(operator)) {
                throw unexpected(tokens.get(index));
            }
        }

        private static IllegalStateException unexpected(Token token) {
            return new IllegalStateException(token.kind() == Kind.END ? "unexpected end of expression"
                    : "unexpected token '" + token.text() + "' (1:" + (token.position() + 1) + ")");
        }
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalStateException("expected bool, got " + describe(value));
    }

    private static Object member(Object target, String name) {
        if (target instanceof JsonNode node && node.isObject()) {
            return value(node.get(name));
        }
        throw new IllegalStateException("cannot fetch " + name + " from " + describe(target));
    }

    private static Object index(Object target, Object key) {
        if (target instanceof JsonNode node && node.isObject() && key instanceof String name) {
            return value(node.get(name));
        }
        if (target instanceof JsonNode node && node.isArray() && key instanceof BigDecimal number) {
            int i = number.intValue();
            if (i < 0) {
                i += node.size();
            }
            if (i < 0 || i >= node.size()) {
                throw new IllegalStateException("index out of range: " + number);
            }
            return value(node.get(i));
        }
        throw new IllegalStateException("cannot fetch " + key + " from " + describe(target));
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            return node.asString();
        }
        return node;
    }

    private static Object compare(String operator, Object left, Object right) {
        if (operator.equals("==") || operator.equals("!=")) {
            boolean equal;
            if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
                equal = a.compareTo(b) == 0;
            }
            else {
                equal = left == null ? right == null : left.equals(right);
            }
            return operator.equals("==") == equal;
        }
        int order;
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            order = a.compareTo(b);
        }
        else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        }
        else {
            throw new IllegalStateException("invalid operation: " + describe(left) + " " + operator + " "
                    + describe(right));
        }
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof BigDecimal) {
            return "number";
        }
        if (value instanceof JsonNode node) {
            return node.isArray() ? "array" : "map";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
