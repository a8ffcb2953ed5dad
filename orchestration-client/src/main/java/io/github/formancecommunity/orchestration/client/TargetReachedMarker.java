package io.github.formancecommunity.orchestration.client;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Marks, in the exchange's context, that the connection to the server is established: it runs right after
 * HttpClient's connect step, which returns the proxy's answer to a refused {@code CONNECT} without calling the
 * rest of the chain. A response without the mark therefore came from the proxy.
 */
final class TargetReachedMarker implements ExecChainHandler {

    /** The name of the exec-chain element and of the context attribute. */
    static final String NAME = "formance-orchestration-target-reached";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        scope.clientContext.setAttribute(NAME, Boolean.TRUE);
        return chain.proceed(request, scope);
    }
}
