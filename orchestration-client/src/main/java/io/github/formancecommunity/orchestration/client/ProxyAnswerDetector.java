package io.github.formancecommunity.orchestration.client;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Tells a response of the server from one of the HTTP proxy. Two exec-chain elements surround HttpClient's connect
 * step: the one before it records the proxy of the exchange's route; the one after it marks that the connection
 * to the server is established. The connect step returns the proxy's answer to a refused {@code CONNECT} without
 * calling the rest of the chain, so a response of a proxied exchange without the mark came from the proxy; so does
 * a {@code 407}.
 */
final class ProxyAnswerDetector {

    private static final String PROXY = "formance-orchestration-proxy";
    private static final String REACHED = "formance-orchestration-target-reached";

    private ProxyAnswerDetector() {
    }

    /** Adds the two elements around the connect step. */
    static void install(HttpClientBuilder http) {
        http.addExecInterceptorBefore(ChainElement.CONNECT.name(), PROXY, ProxyAnswerDetector::recordProxy);
        http.addExecInterceptorAfter(ChainElement.CONNECT.name(), REACHED, ProxyAnswerDetector::markReached);
    }

    /** The proxy that answered {@code status} instead of the server, or {@code null} when the server answered. */
    static HttpHost answeringProxy(HttpContext context, int status) {
        Object proxy = context.getAttribute(PROXY);
        if (proxy instanceof HttpHost host && (status == 407 || context.getAttribute(REACHED) == null)) {
            return host;
        }
        return null;
    }

    private static ClassicHttpResponse recordProxy(ClassicHttpRequest request, ExecChain.Scope scope,
            ExecChain chain) throws IOException, HttpException {
        HttpHost proxy = scope.route.getProxyHost();
        if (proxy != null) {
            scope.clientContext.setAttribute(PROXY, proxy);
        }
        return chain.proceed(request, scope);
    }

    private static ClassicHttpResponse markReached(ClassicHttpRequest request, ExecChain.Scope scope,
            ExecChain chain) throws IOException, HttpException {
        scope.clientContext.setAttribute(REACHED, Boolean.TRUE);
        return chain.proceed(request, scope);
    }

}
