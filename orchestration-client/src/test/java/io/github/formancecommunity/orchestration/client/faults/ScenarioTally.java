package io.github.formancecommunity.orchestration.client.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what a scenario class did, for the one-line summary it prints when it ends: client calls made, faults
 * injected, requests the server received and retries observed.
 */
final class ScenarioTally {

    private final String scenario;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger typedFailures = new AtomicInteger();

    ScenarioTally(String scenario) {
        this.scenario = scenario;
    }

    /** One client call made. */
    void call() {
        calls.incrementAndGet();
    }

    /** One client call made against one injected fault. */
    void fault() {
        calls.incrementAndGet();
        faults.incrementAndGet();
    }

    /** Requests the server saw. */
    void requests(int count) {
        requests.addAndGet(count);
    }

    /** Retries the server saw beyond the first attempt. */
    void retries(int count) {
        retries.addAndGet(count);
    }

    /** A call that failed with a documented exception type. */
    void typedFailure() {
        typedFailures.incrementAndGet();
    }

    /** Prints the one-line summary. */
    void print() {
        System.out.printf("[fault-suite] %s: calls=%d faults=%d requests=%d retries=%d typed-failures=%d%n",
                scenario, calls.get(), faults.get(), requests.get(), retries.get(), typedFailures.get());
    }
}
