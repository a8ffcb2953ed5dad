package io.github.formancecommunity.orchestration.benchmarks;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One client under test, shared by all benchmark threads of a trial (every client is thread-safe).
 *
 * <p>The server is the harness's when {@value #SERVER_PROPERTY} is set (so its work and allocations stay out of
 * the measured JVM); otherwise, e.g. when JMH is run by hand, the trial starts its own on loopback. Before the
 * first measurement each operation's result is compared with the canned records, so a client that decodes
 * wrongly fails the trial instead of producing a figure.
 */
@State(Scope.Benchmark)
public class ClientState {

    /** System property with the base URL of the benchmark server started by the harness. */
    public static final String SERVER_PROPERTY = "orchestration.benchmarks.server";

    /** The static bearer token every client sends and the server checks. */
    static final String TOKEN = "benchmark-token-5f0c";

    /** Which client: starter, plain, jdk, or a starter variant (see {@link ClientKind}). */
    @Param({"starter", "plain", "jdk"})
    public String client;

    BenchmarkTarget target;
    String workflowId;
    Map<String, String> variables;
    /** The server this trial started, {@code null} when the harness's is used. */
    private @Nullable CannedOrchestrationServer ownServer;

    /** Opens the client and checks that it decodes every canned response correctly. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        CannedPayloads payloads = CannedPayloads.create();
        String baseUrl = System.getProperty(SERVER_PROPERTY);
        if (baseUrl == null) {
            ownServer = CannedOrchestrationServer.start(payloads, TOKEN);
            baseUrl = ownServer.baseUrl();
        }
        target = ClientKind.of(client).open(baseUrl, TOKEN);
        workflowId = CannedPayloads.WORKFLOW_ID;
        variables = CannedPayloads.RUN_VARIABLES;
        ResultCheck.verify(target, payloads);
        System.out.println("client under test: " + target);
    }

    /** Closes the client (and the server the trial started, if any). */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        try {
            if (target != null) {
                target.close();
            }
        }
        finally {
            if (ownServer != null) {
                ownServer.close();
            }
        }
    }
}
