package io.github.formancecommunity.orchestration.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * The headers the interceptors of one call ask to send with its requests ({@link OrchestrationCall#header}), such as
 * a trace context. They reach the request through the calling thread, which sends it; {@code Authorization} is
 * never taken from here.
 */
final class CallHeaders {

    private static final ThreadLocal<CallHeaders> CURRENT = new ThreadLocal<>();

    private @Nullable Map<String, String> values;

    void put(String name, String value) {
        if (name.isBlank() || name.equalsIgnoreCase("Authorization")) {
            return;
        }
        if (values == null) {
            values = new LinkedHashMap<>(4);
        }
        values.put(name.strip().toLowerCase(Locale.ROOT), value);
    }

    boolean isEmpty() {
        return values == null;
    }

    /** Makes these headers the current thread's while {@code send} runs. */
    <T> T around(java.util.function.Supplier<T> send) {
        if (values == null) {
            return send.get();
        }
        CallHeaders previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return send.get();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    /** Adds the current thread's call headers to the request being built. */
    static final class Interceptor implements RequestInterceptor {

        @Override
        public void apply(RequestTemplate template) {
            CallHeaders headers = CURRENT.get();
            if (headers == null || headers.values == null) {
                return;
            }
            headers.values.forEach((name, value) -> {
                template.removeHeader(name);
                template.headerLiteral(name, value);
            });
        }
    }
}
