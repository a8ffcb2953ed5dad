package io.github.formancecommunity.orchestration.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * The headers of a JSON exchange that every request carries: {@code Accept: application/json}, and for a request
 * with a body {@code Content-Type: application/json} with its {@code Content-Length} (the real server ignores a
 * chunked {@code runWorkflow} body, so every body has a fixed length). A header the request already has is kept.
 *
 * <p>The client's own target ({@link BaseUrlTarget}) puts them into the request it builds, with
 * {@link #addTo(Map, byte[])}. A target made by an {@link OrchestrationFeignTargetFactory} gets them from this
 * class as a request interceptor, the first of the client's interceptors, so an application's interceptor can
 * still replace them. Declared on the wire interface instead, or left as Feign's {@code Content-Length} template,
 * each would be copied and expanded again at every step of Feign's resolution, kilobytes per call.
 */
final class JsonRequestHeaders implements RequestInterceptor {

    private static final List<String> JSON = List.of("application/json");

    /** Adds the headers {@code headers} lacks, for a request with {@code body} (none when {@code null}). */
    static void addTo(Map<String, Collection<String>> headers, byte @Nullable [] body) {
        headers.putIfAbsent("Accept", JSON);
        if (body != null) {
            headers.putIfAbsent("Content-Type", JSON);
            headers.putIfAbsent("Content-Length", List.of(Integer.toString(body.length)));
        }
    }

    @Override
    public void apply(RequestTemplate template) {
        template.headerLiteral("Accept", JSON);
        byte[] body = template.body();
        if (body != null) {
            template.headerLiteral("Content-Type", JSON);
            template.headerLiteral("Content-Length", Integer.toString(body.length));
        }
    }
}
