package io.github.formancecommunity.orchestration.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The Feign target of one client and the connection pool behind it, built once: when the client is built, or on
 * the first call (or {@link #prepare()}) for a lazy client. Building loads and initialises Jackson, Apache
 * HttpClient 5 and Feign, the largest part of what a client costs before its first call; it makes no network call.
 *
 * <p>Concurrent first calls build it once; the others wait for that build. {@link #close()} never waits: it marks
 * the wire closed and releases what is built; a build running at that moment releases what it built itself when
 * it ends. After {@code close()}, no call gets through.
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
    private final AtomicReference<Parts> parts = new AtomicReference<>();
    private volatile boolean closed;
    private boolean prepared; // guarded by lock

    private Wire(Supplier<Parts> factory, String description) {
        this.factory = factory;
        this.description = description;
    }

    /** Builds the parts now; the factory's exceptions reach the caller. */
    static Wire eager(Supplier<Parts> factory, String description) {
        Wire wire = new Wire(factory, description);
        wire.parts.set(factory.get());
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
        Parts current = parts.get();
        if (current != null && !closed) {
            return current.api();
        }
        return build().api();
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
            Parts current = parts.get();
            if (current == null) {
                current = factory.get();
                parts.set(current);
            }
            if (!closed && !prepared) {
                current.preparation().run();
                prepared = true;
            }
        }
        finally {
            lock.unlock();
        }
        return !releaseIfClosed();
    }

    boolean isBuilt() {
        return parts.get() != null;
    }

    private Parts build() {
        Parts current;
        lock.lock();
        try {
            if (closed) {
                throw closedException();
            }
            current = parts.get();
            if (current == null) {
                current = factory.get();
                parts.set(current);
            }
        }
        finally {
            lock.unlock();
        }
        if (releaseIfClosed()) {
            throw closedException();
        }
        return current;
    }

    private IllegalStateException closedException() {
        return new IllegalStateException(description + " is closed");
    }

    /**
     * Releases the built parts once the wire is closed. Called by {@link #close()} and after every build, so that
     * whichever of the two comes last releases what the build made, exactly once.
     *
     * @return whether the wire is closed
     */
    private boolean releaseIfClosed() {
        if (!closed) {
            return false;
        }
        Parts current = parts.getAndSet(null);
        if (current != null && current.resources() != null) {
            try {
                current.resources().close();
            }
            catch (IOException ex) {
                // closing is best effort; nothing else holds the pool
            }
        }
        return true;
    }

    /** Marks the wire closed and releases what is built, without waiting for a build that is running. */
    @Override
    public void close() {
        closed = true;
        releaseIfClosed();
    }
}
