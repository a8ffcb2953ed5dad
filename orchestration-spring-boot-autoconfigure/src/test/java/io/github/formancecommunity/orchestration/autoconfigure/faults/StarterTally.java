package io.github.formancecommunity.orchestration.autoconfigure.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what a scenario class did, for the one-line summary it prints when it ends: client calls, faults the
 * server injected, requests it received, retries observed, breaker state transitions, token requests and leaks
 * found.
 */
final class StarterTally {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger faults = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger transitions = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger leaks = new AtomicInteger();

    private final String scenario;

    StarterTally(String scenario) {
        this.scenario = scenario;
    }

    /** Prints the one-line summary. */
    void print() {
        System.out.printf("[fault-suite] %s: calls=%d faults=%d requests=%d retries=%d breaker-transitions=%d "
                + "token-requests=%d leaks=%d%n", scenario, calls.get(), faults.get(), requests.get(), retries.get(),
                transitions.get(), tokenRequests.get(), leaks.get());
    }
}
