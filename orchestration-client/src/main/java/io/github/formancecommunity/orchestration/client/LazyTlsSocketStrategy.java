package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Apache HttpClient's default TLS set-up, created on the first https connection rather than when the client is
 * built. Creating it initialises the JDK's TLS provider and reads the default trust store (a few hundred classes
 * and the parsing of every CA certificate): an application paid for that at start-up, and paid for nothing when
 * its base URL is http. The TLS settings themselves are the default ones, unchanged.
 */
final class LazyTlsSocketStrategy implements TlsSocketStrategy {

    private final Supplier<? extends TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy delegate;

    /** Creates {@code DefaultClientTlsStrategy.createDefault()} on first use. */
    LazyTlsSocketStrategy() {
        this(null);
    }

    /** Creates the strategy {@code factory} supplies on first use ({@code null}: the default one). */
    LazyTlsSocketStrategy(Supplier<? extends TlsSocketStrategy> factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy strategy = delegate;
        if (strategy == null) {
            synchronized (this) {
                strategy = delegate;
                if (strategy == null) {
                    strategy = factory == null ? DefaultClientTlsStrategy.createDefault() : factory.get();
                    delegate = strategy;
                }
            }
        }
        return strategy;
    }

    @Override
    public String toString() {
        return "LazyTlsSocketStrategy[" + (delegate == null ? "not created yet" : "created") + "]";
    }
}
