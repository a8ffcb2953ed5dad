package io.github.formancecommunity.orchestration.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The Feign target of one client and the connection pool behind it, built once: when the client is built, or on
 * the first call (or {@link #prepare()}) for a lazy client. Building loads and initialises Jackson, Apache
 * HttpClient 5 and Feign, the largest part of what a client costs before its first call; it makes no network call.
 *
 * <p>Concurrent first calls build it once; the others wait for that build. {@link #close()} waits for a running
 * build and closes what it built; after it, no call gets through.
 */
final class Wire implements Closeable {

    /**
     * What a build produces: the Feign target, what to close with the client ({@code null}: nothing) and what
     * {@link #prepare()} runs once after the build (preparing the JSON mapper for every operation).
     */
    record Parts(OrchestrationV1Api api, Closeable resources, Runnable preparation) {
    }

    private final Supplier<Parts> factory;
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Parts parts;
    private boolean closed; // guarded by lock
    private boolean prepared; // guarded by lock

    private Wire(Supplier<Parts> factory, String description) {
        this.factory = factory;
        this.description = description;
    }

    /** Builds the parts now; the factory's exceptions reach the caller. */
    static Wire eager(Supplier<Parts> factory, String description) {
        Wire wire = new Wire(factory, description);
        wire.parts = factory.get();
        return wire;
    }

    /** Builds the parts on first use. */
    static Wire lazy(Supplier<Parts> factory, String description) {
        return new Wire(factory, description);
    }

    /**
     * The Feign target, built first if need be.
     *
     * @throws IllegalStateException when the client is closed
     */
    OrchestrationV1Api api() {
        Parts current = parts;
        return current != null ? current.api() : build().api();
    }

    /**
     * Builds the parts if they are not built yet and runs their preparation once; nothing once closed.
     *
     * @return whether the parts are built and prepared, {@code false} when the client is closed
     */
    boolean prepare() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (parts == null) {
                parts = factory.get();
            }
            if (!prepared) {
                parts.preparation().run();
                prepared = true;
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** What is closed with the client, {@code null} when nothing is built or there is nothing to close. */
    Closeable resources() {
        Parts current = parts;
        return current == null ? null : current.resources();
    }

    boolean isBuilt() {
        return parts != null;
    }

    private Parts build() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(description + " is closed");
            }
            Parts current = parts;
            if (current == null) {
                current = factory.get();
                parts = current;
            }
            return current;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            Parts current = parts;
            parts = null;
            if (current != null && current.resources() != null) {
                current.resources().close();
            }
        }
        finally {
            lock.unlock();
        }
    }
}
