package io.github.formancecommunity.orchestration.benchmarks;

import java.util.Objects;

/** Checks that a client returns exactly the canned records, so that every client does the same work. */
final class ResultCheck {

    private ResultCheck() {
    }

    /**
     * Calls each operation once and compares the result with the records the server's bytes were made from.
     *
     * @throws IllegalStateException naming the operation whose result differs
     */
    static void verify(BenchmarkTarget target, CannedPayloads payloads) {
        same("getWorkflow", payloads.workflow(), target.getWorkflow(CannedPayloads.WORKFLOW_ID), target);
        same("listInstances", payloads.instances(), target.listInstances(), target);
        same("runWorkflow", payloads.started(),
                target.runWorkflow(CannedPayloads.WORKFLOW_ID, CannedPayloads.RUN_VARIABLES), target);
    }

    private static void same(String operation, Object expected, Object actual, BenchmarkTarget target) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(target + ": " + operation + " returned a result that differs from the "
                    + "canned one: " + abbreviate(actual));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
