package io.github.formancecommunity.orchestration.client;

/** Argument checks that fail before any request is sent. */
final class Arguments {

    private Arguments() {
    }

    static String requireId(String value, String name, OrchestrationOperation operation) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be "
                    + (value == null ? "null" : "blank"));
        }
        if (value.equals(".") || value.equals("..")) {
            // Ids are path segments; a dot segment would address another resource once the path is normalised.
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be '" + value
                    + "'");
        }
        return value;
    }

    static <T> T requireBody(T body, String name, OrchestrationOperation operation) {
        if (body == null) {
            throw new IllegalArgumentException(operation.operationId() + ": " + name + " must not be null");
        }
        return body;
    }
}
