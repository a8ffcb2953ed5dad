package io.github.formancecommunity.orchestration.client;

import java.util.concurrent.atomic.AtomicMarkableReference;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * A request that another thread can abort at any stage. HttpClient hands it what is in progress (the wait for a
 * pooled connection, then the connection itself); {@link #cancel()} cancels that, which closes the socket, so a
 * blocked connect, write or read fails at once and the connection is discarded, not returned to the pool.
 */
final class AbortableRequest extends BasicClassicHttpRequest implements CancellableDependency {

    private static final long serialVersionUID = 1L;

    private final transient AtomicMarkableReference<Cancellable> dependency = new AtomicMarkableReference<>(null,
            false);

    AbortableRequest(String method, HttpHost host, String path) {
        super(method, host, path);
    }

    @Override
    public boolean isCancelled() {
        return dependency.isMarked();
    }

    @Override
    public boolean cancel() {
        while (!dependency.isMarked()) {
            Cancellable current = dependency.getReference();
            if (dependency.compareAndSet(current, current, false, true)) {
                if (current != null) {
                    current.cancel();
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public void setDependency(Cancellable cancellable) {
        Cancellable current = dependency.getReference();
        if (!dependency.compareAndSet(current, cancellable, false, false)) {
            cancellable.cancel(); // cancelled already: what starts now stops at once
        }
    }
}
