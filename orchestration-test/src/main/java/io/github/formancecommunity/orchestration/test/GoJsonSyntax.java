package io.github.formancecommunity.orchestration.test;

/**
 * Finds the first syntax error of the first JSON value of a body, with the words of Go's {@code encoding/json}
 * scanner ({@code invalid character 'x' looking for beginning of value}, {@code unexpected EOF},
 * {@code exceeded max depth}, ...). Iterative, so that no input can exhaust the stack.
 */
final class GoJsonSyntax {

    private static final int IN_OBJECT = 1;
    private static final int IN_ARRAY = 2;

    private final byte[] data;
    private final int maxDepth;
    private int pos;

    private GoJsonSyntax(byte[] data, int maxDepth) {
        this.data = data;
        this.maxDepth = maxDepth;
    }

    /** Go's message for the first syntax error, or {@code null} when the first value is well formed. */
    static String firstError(byte[] data, int maxDepth) {
        try {
            new GoJsonSyntax(data, maxDepth).value();
            return null;
        }
        catch (Failure failure) {
            return failure.getMessage();
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private void value() {
        int[] stack = new int[16];
        int depth = 0;
        while (true) {
            int c = nextNonSpace();
            if (c < 0) {
                throw new Failure(pos == 0 || onlySpace() ? "EOF" : "unexpected EOF");
            }
            boolean closedEmpty = false;
            if (c == '{' || c == '[') {
                if (depth + 1 > maxDepth) {
                    throw new Failure("exceeded max depth");
                }
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = c == '{' ? IN_OBJECT : IN_ARRAY;
                int next = peekNonSpace();
                if (c == '{') {
                    if (next == '}') {
                        nextNonSpace();
                        depth--;
                        closedEmpty = true;
                    }
                    else {
                        objectKey(true);
                        continue;
                    }
                }
                else if (next == ']') {
                    nextNonSpace();
                    depth--;
                    closedEmpty = true;
                }
                else {
                    continue;
                }
            }
            if (!closedEmpty) {
                scalar(c);
            }
            // after a value: close containers or read a separator
            while (true) {
                if (depth == 0) {
                    return;
                }
                int after = nextNonSpace();
                if (after < 0) {
                    throw new Failure("unexpected EOF");
                }
                if (stack[depth - 1] == IN_OBJECT) {
                    if (after == ',') {
                        objectKey(false);
                        break;
                    }
                    if (after == '}') {
                        depth--;
                        continue;
                    }
                    throw invalid(after, "after object key:value pair");
                }
                if (after == ',') {
                    break;
                }
                if (after == ']') {
                    depth--;
                    continue;
                }
                throw invalid(after, "after array element");
            }
        }
    }

    private boolean onlySpace() {
        for (byte b : data) {
            if (!isSpace(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code "key" :} after {@code {} or {@code ,}. */
    private void objectKey(boolean first) {
        int c = nextNonSpace();
        if (c < 0) {
            throw new Failure("unexpected EOF");
        }
        if (c != '"') {
            throw invalid(c, "looking for beginning of object key string");
        }
        string();
        int colon = nextNonSpace();
        if (colon < 0) {
            throw new Failure("unexpected EOF");
        }
        if (colon != ':') {
            throw invalid(colon, "after object key");
        }
    }

    private void scalar(int c) {
        switch (c) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number(c);
                }
                else {
                    throw invalid(c, "looking for beginning of value");
                }
            }
        }
    }

    private void literal(String word) {
        for (int i = 1; i < word.length(); i++) {
            int c = next();
            if (c < 0) {
                throw new Failure("unexpected EOF");
            }
            if (c != word.charAt(i)) {
                throw invalid(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
        }
    }

    private void string() {
        while (true) {
            int c = next();
            if (c < 0) {
                throw new Failure("unexpected EOF");
            }
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                int escape = next();
                if (escape < 0) {
                    throw new Failure("unexpected EOF");
                }
                if (escape == 'u') {
                    for (int i = 0; i < 4; i++) {
                        int hex = next();
                        if (hex < 0) {
                            throw new Failure("unexpected EOF");
                        }
                        if (Character.digit(hex, 16) < 0) {
                            throw invalid(hex, "in \\u hexadecimal character escape");
                        }
                    }
                }
                else if ("\"\\/bfnrt".indexOf(escape) < 0) {
                    throw invalid(escape, "in string escape code");
                }
            }
            else if (c < 0x20) {
                throw invalid(c, "in string literal");
            }
        }
    }

    private void number(int first) {
        int c = first;
        if (c == '-') {
            c = next();
            if (c < 0) {
                throw new Failure("unexpected EOF");
            }
            if (c < '0' || c > '9') {
                throw invalid(c, "in numeric literal");
            }
        }
        if (c != '0') {
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == '.') {
            pos++;
            int digit = next();
            if (digit < 0) {
                throw new Failure("unexpected EOF");
            }
            if (!isDigit(digit)) {
                throw invalid(digit, "after decimal point in numeric literal");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            int c2 = next();
            if (c2 == '+' || c2 == '-') {
                c2 = next();
            }
            if (c2 < 0) {
                throw new Failure("unexpected EOF");
            }
            if (!isDigit(c2)) {
                throw invalid(c2, "in exponent of numeric literal");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private int next() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    private int peek() {
        return pos < data.length ? data[pos] & 0xff : -1;
    }

    private int nextNonSpace() {
        int c = next();
        while (c >= 0 && isSpace(c)) {
            c = next();
        }
        return c;
    }

    private int peekNonSpace() {
        int at = pos;
        while (at < data.length && isSpace(data[at] & 0xff)) {
            at++;
        }
        return at < data.length ? data[at] & 0xff : -1;
    }

    /** Go's {@code quoteChar}: {@code 'x'}, {@code '\''}, {@code '"'}, or a quoted escape for others. */
    private static Failure invalid(int c, String context) {
        String quoted;
        if (c == '\'') {
            quoted = "'\\''";
        }
        else if (c == '"') {
            quoted = "'\"'";
        }
        else if (c >= 0x20 && c < 0x7f) {
            quoted = "'" + (char) c + "'";
        }
        else if (c == '\n') {
            quoted = "'\\n'";
        }
        else if (c == '\t') {
            quoted = "'\\t'";
        }
        else if (c == '\r') {
            quoted = "'\\r'";
        }
        else {
            quoted = "'\\x" + String.format("%02x", c) + "'";
        }
        return new Failure("invalid character " + quoted + " " + context);
    }
}
