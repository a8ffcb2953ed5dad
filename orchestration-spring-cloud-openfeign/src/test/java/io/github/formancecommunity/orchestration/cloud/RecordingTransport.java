package io.github.formancecommunity.orchestration.cloud;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * A Feign {@link Client} bean that answers every request itself and records it with the options it was sent
 * with: Spring Cloud OpenFeign hands the application's {@code Client} bean to every client, so the recorded
 * options are what the per-client configuration produced. Paths containing {@code missing} get a 404 error body,
 * {@code /workflows/{id}/instances} a run, everything else an empty list.
 */
final class RecordingTransport implements Client {

    record Exchange(Request request, Request.Options options, Thread thread) {

        String header(String name) {
            return request.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst().orElse(null);
        }
    }

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public Response execute(Request request, Request.Options options) {
        exchanges.add(new Exchange(request, options, Thread.currentThread()));
        String url = request.url();
        if (url.contains("missing")) {
            return respond(request, 404, "{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"no such workflow\"}");
        }
        if (url.contains("/instances")) {
            return respond(request, 201, "{\"data\":{\"id\":\"run-1\",\"workflowID\":\"wf-1\","
                    + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"terminated\":true,\"status\":[]}}");
        }
        return respond(request, 200, "{\"data\":[]}");
    }

    Exchange last() {
        return exchanges.get(exchanges.size() - 1);
    }

    private static Response respond(Request request, int status, String body) {
        return Response.builder()
                .request(request)
                .status(status)
                .reason(status == 200 ? "OK" : "status " + status)
                .headers(Map.of("Content-Type", List.of("application/json")))
                .body(body, StandardCharsets.UTF_8)
                .build();
    }
}
