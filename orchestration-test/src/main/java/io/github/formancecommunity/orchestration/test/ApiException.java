package io.github.formancecommunity.orchestration.test;

/** An error answer of the V1 API, turned into {@code {"errorCode": ..., "errorMessage": ...}} by the dispatcher. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    private ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException validation(String message) {
        return new ApiException(400, "VALIDATION", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    static ApiException internal(String message) {
        return new ApiException(500, "INTERNAL", message);
    }

    HttpReply toReply() {
        return HttpReply.json(status, WireRenderer.error(code, getMessage()));
    }
}
