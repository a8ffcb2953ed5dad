package io.github.formancecommunity.orchestration.test;

import java.io.IOException;

/**
 * An embedded Orchestration server in a process of its own, with one OAuth2 client, for measuring the executable
 * jar against it ({@code benchmarks/scripts/aot-startup.py}): prints {@code BASE_URL <url>}, then serves until its
 * standard input is closed. It lives in this module's test classes, away from the sample's, where
 * {@code spring-boot:test-run} looks for the one main class to run.
 */
public final class StandaloneStack {

    private StandaloneStack() {
    }

    /**
     * Serves until standard input is closed.
     *
     * @param args the OAuth2 client id and secret the server accepts
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("expected the client id and the client secret, got " + args.length
                    + " arguments");
        }
        try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder().client(args[0], args[1])
                .start()) {
            System.out.println("BASE_URL " + server.baseUrl());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the measuring script closes the pipe
            }
        }
    }
}
