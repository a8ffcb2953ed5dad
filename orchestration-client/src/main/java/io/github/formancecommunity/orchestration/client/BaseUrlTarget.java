package io.github.formancecommunity.orchestration.client;

import java.util.Collection;
import java.util.Map;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;

/**
 * The Feign target of the client's own wire: every request goes to the base URL and path prefix, followed by the
 * template's resolved path and query, with the {@link JsonRequestHeaders}. The request is built from the template in
 * one pass: Feign's {@code HardCodedTarget} renders the template's URL twice and parses the base URL again on every
 * call.
 *
 * @param <T> the wire interface
 */
final class BaseUrlTarget<T> implements Target<T> {

    private final Class<T> type;
    private final String url;

    BaseUrlTarget(Class<T> type, String url) {
        this.type = type;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Request apply(RequestTemplate template) {
        Map<String, Collection<String>> headers = template.headers();
        byte[] body = template.body();
        JsonRequestHeaders.addTo(headers, body);
        return Request.create(Request.HttpMethod.valueOf(template.method()), url + template.url(), headers, body,
                template.requestCharset(), template);
    }

    @Override
    public String toString() {
        return "BaseUrlTarget[" + type.getSimpleName() + ", " + url + "]";
    }
}
