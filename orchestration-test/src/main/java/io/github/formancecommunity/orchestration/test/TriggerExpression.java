package io.github.formancecommunity.orchestration.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The part of expr-lang (v1.17) that the embedded server evaluates in trigger filters and variables, with the event
 * payload bound to {@code event} as on the real server and its numbers read as Go {@code float64}.
 *
 * <p>Supported: literals (integers, floats, strings, {@code true}, {@code false}, {@code nil}, arrays and maps);
 * names ({@code event}; any other name is {@code nil}, as with an expression compiled without an environment);
 * member access ({@code a.b}, {@code a?.b}, {@code a["b"]}, {@code a[0]}, negative indexes); {@code + - * / % **
 * ^}; comparisons; {@code and or not && || !}; {@code in}, {@code not in}, {@code contains}, {@code startsWith},
 * {@code endsWith}, {@code matches} (each also with {@code not}); {@code ??}; the ternary {@code ?:}; and the
 * builtins {@link ExprRuntime#BUILTINS}. Everything else, {@code link(...)} included, does not compile.
 */
final class TriggerExpression {

    /** Binary operators with their expr-lang precedence. */
    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("or", 10), Map.entry("||", 10), Map.entry("and", 15), Map.entry("&&", 15),
            Map.entry("==", 20), Map.entry("!=", 20), Map.entry("<", 20), Map.entry(">", 20),
            Map.entry("<=", 20), Map.entry(">=", 20), Map.entry("in", 20), Map.entry("matches", 20),
            Map.entry("contains", 20), Map.entry("startsWith", 20), Map.entry("endsWith", 20),
            Map.entry("+", 30), Map.entry("-", 30), Map.entry("*", 60), Map.entry("/", 60), Map.entry("%", 60),
            Map.entry("**", 100), Map.entry("^", 100), Map.entry("??", 500));
    private static final Set<String> WORD_OPERATORS = Set.of("or", "and", "in", "matches", "contains",
            "startsWith", "endsWith", "not");
    private static final int UNARY_PRECEDENCE = 50;

    private final String source;
    private final Node root;

    private TriggerExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles an expression.
     *
     * @throws IllegalArgumentException with the real server's wording
     *                                  {@code error compiling expression '...': <message> (1:<column>)} followed by
     *                                  the source line and a dotted caret line, as expr-lang reports it
     */
    static TriggerExpression compile(String source) {
        try {
            Parser parser = new Parser(source, tokenize(source));
            Node root = parser.expression(0);
            parser.expectEnd();
            return new TriggerExpression(source, root);
        }
        catch (CompileError ex) {
            throw new IllegalArgumentException("error compiling expression '" + source + "': " + ex.getMessage()
                    + " (1:" + (ex.position + 1) + ")\n | " + source + "\n | " + ".".repeat(ex.position) + "^");
        }
    }

    /** Whether the expression is {@code true} for the event; an error or a non-boolean result is no match. */
    boolean matches(JsonNode event) {
        try {
            return Boolean.TRUE.equals(root.evaluate(ExprRuntime.fromJson(event)));
        }
        catch (IllegalStateException ex) {
            return false;
        }
    }

    /**
     * The value as a trigger variable, rendered as the real server does: a float as Go's {@code json.Marshal}
     * writes it, anything else as Go's {@code fmt.Sprint} (so {@code <nil>}, {@code map[k:v]}, {@code [a b]}).
     *
     * @throws IllegalStateException when the evaluation fails
     */
    String evaluateToString(JsonNode event) {
        Object value = root.evaluate(ExprRuntime.fromJson(event));
        if (value instanceof Double number) {
            return ExprRuntime.jsonFloat(number);
        }
        return ExprRuntime.sprint(value);
    }

    @Override
    public String toString() {
        return source;
    }

    /** A compiled expression node; evaluates against the event value (Go types: see {@link ExprRuntime}). */
    @FunctionalInterface
    private interface Node {
        Object evaluate(Object event);
    }

    /** A literal, folded at compile time. */
    private record Constant(Object value) implements Node {
        @Override
        public Object evaluate(Object event) {
            return value;
        }
    }

    private static final class CompileError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int position;

        CompileError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    private record Token(Kind kind, String text, int position) {
        boolean is(String operator) {
            return (kind == Kind.OPERATOR || kind == Kind.WORD) && text.equals(operator);
        }
    }

    private enum Kind { INT, FLOAT, STRING, IDENT, WORD, OPERATOR, END }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(source.charAt(i + 1)))) {
                int start = i;
                boolean isFloat = false;
                while (i < length && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                if (i + 1 < length && source.charAt(i) == '.' && Character.isDigit(source.charAt(i + 1))
                        || (i < length && source.charAt(i) == '.' && start == i)) {
                    isFloat = true;
                    i++;
                    while (i < length && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                        i++;
                    }
                }
                if (i < length && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
                    int mark = i++;
                    if (i < length && (source.charAt(i) == '+' || source.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < length && Character.isDigit(source.charAt(i))) {
                        isFloat = true;
                        while (i < length && Character.isDigit(source.charAt(i))) {
                            i++;
                        }
                    }
                    else {
                        i = mark;
                    }
                }
                tokens.add(new Token(isFloat ? Kind.FLOAT : Kind.INT, source.substring(start, i).replace("_", ""),
                        start));
            }
            else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || source.charAt(i) == '$')) {
                    i++;
                }
                String word = source.substring(start, i);
                tokens.add(new Token(WORD_OPERATORS.contains(word) ? Kind.WORD : Kind.IDENT, word, start));
            }
            else if (c == '"' || c == '\'' || c == '`') {
                int start = i++;
                StringBuilder text = new StringBuilder();
                while (i < length && source.charAt(i) != c) {
                    char current = source.charAt(i);
                    if (current == '\\' && c != '`' && i + 1 < length) {
                        i++;
                        char escaped = source.charAt(i);
                        text.append(switch (escaped) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> escaped;
                        });
                    }
                    else {
                        text.append(current);
                    }
                    i++;
                }
                if (i >= length) {
                    throw new CompileError("literal not terminated", start);
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            }
            else {
                String two = i + 1 < length ? source.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||", "??", "**", "?.").contains(two)) {
                    tokens.add(new Token(Kind.OPERATOR, two, i));
                    i += 2;
                }
                else if ("<>!()[]{}.,:?+-*/%^".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i));
                    i++;
                }
                else {
                    throw new CompileError("unrecognized character: U+" + String.format("%04X", (int) c)
                            + " '" + c + "'", i);
                }
            }
        }
        tokens.add(new Token(Kind.END, "", length));
        return tokens;
    }

    /** Precedence climbing, as expr-lang's parser does it. */
    private static final class Parser {

        /** expr-lang's default limit on the size of a program. */
        private static final int MAX_NODES = 10_000;
        /** Bounds the recursion of this parser, so that no expression can exhaust the stack. */
        private static final int MAX_DEPTH = 500;

        private final String source;
        private final List<Token> tokens;
        private int index;
        private int nodes;
        private int depth;

        Parser(String source, List<Token> tokens) {
            this.source = source;
            this.tokens = tokens;
        }

        Node expression(int precedence) {
            if (++depth > MAX_DEPTH || ++nodes > MAX_NODES) {
                throw new CompileError("compilation failed: expression too deep or too large",
                        current().position());
            }
            try {
                return climb(precedence);
            }
            finally {
                depth--;
            }
        }

        private Node climb(int precedence) {
            Node left = unary();
            while (true) {
                Token token = current();
                boolean negate = false;
                if (token.is("not") && tokens.get(index + 1).kind() == Kind.WORD
                        && BINARY.containsKey(tokens.get(index + 1).text())) {
                    negate = true;
                    token = tokens.get(index + 1);
                }
                if ((token.kind() != Kind.OPERATOR && token.kind() != Kind.WORD) || !BINARY.containsKey(token.text())) {
                    break;
                }
                int operatorPrecedence = BINARY.get(token.text());
                if (operatorPrecedence < precedence) {
                    break;
                }
                index += negate ? 2 : 1;
                boolean rightAssociative = token.text().equals("**") || token.text().equals("^");
                Node right = expression(rightAssociative ? operatorPrecedence : operatorPrecedence + 1);
                left = binary(token, left, right, negate);
            }
            if (precedence == 0 && current().is("?")) {
                index++;
                Node condition = left;
                Node whenTrue;
                if (current().is(":")) {
                    whenTrue = condition;
                }
                else {
                    whenTrue = expression(0);
                }
                expect(":");
                Node whenFalse = expression(0);
                Node then = whenTrue;
                left = event -> {
                    Object tested = condition.evaluate(event);
                    if (then == condition) {
                        return tested != null && !Boolean.FALSE.equals(tested) ? tested : whenFalse.evaluate(event);
                    }
                    return ExprRuntime.truthy(tested) ? then.evaluate(event) : whenFalse.evaluate(event);
                };
            }
            return left;
        }

        private Node binary(Token operator, Node left, Node right, boolean negate) {
            String op = operator.text();
            Node node = switch (op) {
                case "or", "||" -> event -> ExprRuntime.truthy(left.evaluate(event))
                        || ExprRuntime.truthy(right.evaluate(event));
                case "and", "&&" -> event -> ExprRuntime.truthy(left.evaluate(event))
                        && ExprRuntime.truthy(right.evaluate(event));
                case "??" -> event -> {
                    Object value = left.evaluate(event);
                    return value != null ? value : right.evaluate(event);
                };
                default -> event -> ExprRuntime.binary(op, left.evaluate(event), right.evaluate(event));
            };
            if (negate) {
                Node positive = node;
                node = event -> !ExprRuntime.truthy(positive.evaluate(event));
            }
            return fold(node, operator, left, right);
        }

        /** Evaluates operators on literals now (expr-lang's checker refuses type errors between literals). */
        private static Node fold(Node node, Token operator, Node... operands) {
            for (Node operand : operands) {
                if (!(operand instanceof Constant)) {
                    return node;
                }
            }
            try {
                return new Constant(node.evaluate(null));
            }
            catch (IllegalStateException ex) {
                throw new CompileError(ex.getMessage(), operator.position());
            }
        }

        private Node unary() {
            Token token = current();
            if (token.is("not") || token.is("!") || token.is("-") || token.is("+")) {
                index++;
                Node operand = expression(UNARY_PRECEDENCE);
                Node node = switch (token.text()) {
                    case "-" -> event -> ExprRuntime.negate(operand.evaluate(event));
                    case "+" -> event -> ExprRuntime.plus(operand.evaluate(event));
                    default -> event -> !ExprRuntime.truthy(operand.evaluate(event));
                };
                return fold(node, token, operand);
            }
            return postfix(primary());
        }

        private Node postfix(Node start) {
            Node node = start;
            while (true) {
                Token token = current();
                if (token.is(".") || token.is("?.")) {
                    index++;
                    Token name = next();
                    if (name.kind() != Kind.IDENT && name.kind() != Kind.WORD) {
                        throw unexpected(name);
                    }
                    Node target = node;
                    boolean optional = token.is("?.");
                    node = event -> {
                        Object value = target.evaluate(event);
                        return optional && value == null ? null : ExprRuntime.member(value, name.text());
                    };
                }
                else if (token.is("[")) {
                    index++;
                    if (current().is(":")) {
                        throw new CompileError("slices are not supported by the embedded Orchestration server",
                                current().position());
                    }
                    Node key = expression(0);
                    if (current().is(":")) {
                        throw new CompileError("slices are not supported by the embedded Orchestration server",
                                current().position());
                    }
                    expect("]");
                    Node target = node;
                    node = event -> ExprRuntime.index(target.evaluate(event), key.evaluate(event));
                }
                else {
                    return node;
                }
            }
        }

        private Node primary() {
            Token token = next();
            switch (token.kind()) {
                case INT -> {
                    try {
                        return new Constant(Long.decode(token.text()));
                    }
                    catch (NumberFormatException ex) {
                        throw new CompileError("invalid integer literal: " + token.text(), token.position());
                    }
                }
                case FLOAT -> {
                    return new Constant(Double.valueOf(token.text()));
                }
                case STRING -> {
                    return new Constant(token.text());
                }
                case IDENT -> {
                    return identifier(token);
                }
                case OPERATOR -> {
                    if (token.is("(")) {
                        Node inner = expression(0);
                        expect(")");
                        return inner;
                    }
                    if (token.is("[")) {
                        return arrayLiteral();
                    }
                    if (token.is("{")) {
                        return mapLiteral();
                    }
                    throw unexpected(token);
                }
                default -> throw unexpected(token);
            }
        }

        private Node identifier(Token token) {
            String name = token.text();
            if (current().is("(")) {
                index++;
                List<Node> arguments = new ArrayList<>();
                if (!current().is(")")) {
                    do {
                        arguments.add(expression(0));
                    }
                    while (accept(","));
                }
                expect(")");
                if (!ExprRuntime.BUILTINS.contains(name)) {
                    throw new CompileError("function " + name
                            + " is not supported by the embedded Orchestration server", token.position());
                }
                String arity = ExprRuntime.checkArity(name, arguments.size());
                if (arity != null) {
                    throw new CompileError(arity, token.position());
                }
                Node call = event -> {
                    List<Object> values = new ArrayList<>(arguments.size());
                    for (Node argument : arguments) {
                        values.add(argument.evaluate(event));
                    }
                    return ExprRuntime.call(name, values);
                };
                return call;
            }
            return switch (name) {
                case "true" -> new Constant(Boolean.TRUE);
                case "false" -> new Constant(Boolean.FALSE);
                case "nil" -> new Constant(null);
                case "event" -> event -> event;
                default -> event -> null;
            };
        }

        private Node arrayLiteral() {
            List<Node> elements = new ArrayList<>();
            if (!current().is("]")) {
                do {
                    if (current().is("]")) {
                        break;
                    }
                    elements.add(expression(0));
                }
                while (accept(","));
            }
            expect("]");
            return event -> {
                List<Object> values = new ArrayList<>(elements.size());
                for (Node element : elements) {
                    values.add(element.evaluate(event));
                }
                return values;
            };
        }

        private Node mapLiteral() {
            Map<String, Node> entries = new LinkedHashMap<>();
            if (!current().is("}")) {
                do {
                    if (current().is("}")) {
                        break;
                    }
                    Token key = next();
                    if (key.kind() != Kind.IDENT && key.kind() != Kind.STRING && key.kind() != Kind.WORD) {
                        throw new CompileError("a map key must be a quoted string, a number, a identifier, or an"
                                + " expression enclosed in parentheses (unexpected token " + describe(key) + ")",
                                key.position());
                    }
                    expect(":");
                    entries.put(key.text(), expression(0));
                }
                while (accept(","));
            }
            expect("}");
            return event -> {
                Map<String, Object> values = new LinkedHashMap<>();
                entries.forEach((key, value) -> values.put(key, value.evaluate(event)));
                return values;
            };
        }

        void expectEnd() {
            Token token = current();
            if (token.kind() != Kind.END) {
                throw unexpected(token);
            }
        }

        private Token current() {
            return tokens.get(index);
        }

        private Token next() {
            Token token = tokens.get(index);
            if (token.kind() != Kind.END) {
                index++;
            }
            return token;
        }

        private boolean accept(String operator) {
            if (current().is(operator)) {
                index++;
                return true;
            }
            return false;
        }

        private void expect(String operator) {
            if (!accept(operator)) {
                throw unexpected(current());
            }
        }

        private CompileError unexpected(Token token) {
            if (token.kind() == Kind.END) {
                return new CompileError("unexpected token EOF", Math.max(0, source.length() - 1));
            }
            return new CompileError("unexpected token " + describe(token), token.position());
        }

        private static String describe(Token token) {
            return switch (token.kind()) {
                case INT, FLOAT -> "Number(\"" + token.text() + "\")";
                case STRING -> "String(\"" + token.text() + "\")";
                case IDENT -> "Identifier(\"" + token.text() + "\")";
                case WORD, OPERATOR -> "Operator(\"" + token.text() + "\")";
                case END -> "EOF";
            };
        }
    }
}
