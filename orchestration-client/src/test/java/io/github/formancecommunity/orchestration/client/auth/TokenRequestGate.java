package io.github.formancecommunity.orchestration.client.auth;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that, once {@link #close() closed}, holds every request to the token path until the test
 * {@link #open() opens} it again, so a test can line up concurrent callers behind one in-flight token request.
 */
public final class TokenRequestGate implements ResponseDefinitionTransformerV2 {

    private final String path;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(1);

    public TokenRequestGate(String path) {
        this.path = path;
    }

    public void close() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** Waits until a token request is being held. */
    public boolean awaitHeldRequest() throws InterruptedException {
        return entered.await(20, TimeUnit.SECONDS);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (serveEvent.getRequest().getUrl().startsWith(path)) {
            entered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
        return "token-request-gate";
    }
}
