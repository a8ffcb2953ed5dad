package io.github.formancecommunity.orchestration.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * A Feign {@link Client} that answers in memory and records each request with the options it was sent with, so
 * tests can see the URL, headers and time-outs the auto-configured client uses without any network.
 */
final class RecordingFeignClient implements Client {

    /** One recorded exchange. */
    record Exchange(Request request, Request.Options options) {

        String authorization() {
            var values = request.headers().get("Authorization");
            return values == null || values.isEmpty() ? null : values.iterator().next();
        }
    }

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    List<Exchange> exchanges() {
        return exchanges;
    }

    Exchange last() {
        return exchanges.get(exchanges.size() - 1);
    }

    @Override
    public Response execute(Request request, Request.Options options) {
        exchanges.add(new Exchange(request, options));
        String method = request.httpMethod().name();
        String url = request.url();
        if (method.equals("DELETE") || url.endsWith("/events") || url.endsWith("/abort")) {
            return response(request, 204, "");
        }
        if (method.equals("POST")) {
            return response(request, 201, "{\"data\":{\"id\":\"created\"}}");
        }
        if (url.endsWith("/_info")) {
            return response(request, 200, "{\"version\":\"v2.6.0\"}");
        }
        return response(request, 200, "{\"data\":[]}");
    }

    private static Response response(Request request, int status, String body) {
        return Response.builder()
                .request(request)
                .status(status)
                .reason("test")
                .headers(Map.of("Content-Type", List.of("application/json")))
                .body(body, StandardCharsets.UTF_8)
                .build();
    }
}
