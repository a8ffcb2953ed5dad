package io.github.formancecommunity.orchestration.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/** The pending faults, applied in the order they were injected, each until its count is used up. */
final class FaultInjector {

    private final List<Pending> pending = new ArrayList<>();

    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.timesCount();
        }
    }

    synchronized void add(Fault fault) {
        if (!fault.hasAction()) {
            throw new IllegalArgumentException(
                    "the fault does nothing: call respond(..), delay(..) or disconnect() on it (" + fault + ")");
        }
        pending.add(new Pending(fault));
    }

    /** The first pending fault for this request, counting one use of it; {@code null} when none matches. */
    synchronized Fault take(String method, String rawPath, OrchestrationOperation operation) {
        Iterator<Pending> iterator = pending.iterator();
        while (iterator.hasNext()) {
            Pending candidate = iterator.next();
            if (candidate.fault.matches(method, rawPath, operation)) {
                if (--candidate.remaining == 0) {
                    iterator.remove();
                }
                return candidate.fault;
            }
        }
        return null;
    }

    synchronized void clear() {
        pending.clear();
    }
}
