package io.github.formancecommunity.orchestration.autoconfigure.faults;

import io.github.formancecommunity.orchestration.client.faults.OperationCase;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer playing a flaky Orchestration API: each request to one of the 17 operations gets, from a
 * seeded random sequence, the operation's success answer or one of the faults below, and every fault is counted.
 *
 * <table>
 * <caption>share of requests per answer</caption>
 * <tr><td>success, after 0-20 ms</td><td>70 %</td></tr>
 * <tr><td>500 INTERNAL</td><td>7 %</td></tr>
 * <tr><td>503 with {@code Retry-After: 0}</td><td>7 %</td></tr>
 * <tr><td>429</td><td>4 %</td></tr>
 * <tr><td>404 NOT_FOUND</td><td>3 %</td></tr>
 * <tr><td>slower than the read time-out</td><td>3 %</td></tr>
 * <tr><td>connection reset</td><td>3 %</td></tr>
 * <tr><td>empty response</td><td>2 %</td></tr>
 * <tr><td>a 2xx with a body cut by a malformed chunk</td><td>1 %</td></tr>
 * </table>
 * {@link #storm} turns every answer into a 500, {@link #healthy} every answer into a success.
 */
final class FlakyApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fault-suite-flaky-api";

    private final Random random = new Random(20261128L);
    private final Map<String, OperationCase> operations = new HashMap<>();
    final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final Map<OperationCase, AtomicInteger> perOperation = new ConcurrentHashMap<>();
    private final int slowMillis;
    /** While set, every request gets a 500 (a server-error storm). */
    volatile boolean storm;
    /** While set, every request succeeds (the server has recovered). */
    volatile boolean healthy;

    FlakyApi(int slowMillis) {
        this.slowMillis = slowMillis;
        for (OperationCase operation : OperationCase.values()) {
            operations.put(operation.method() + " " + operation.path(), operation);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        requests.incrementAndGet();
        String key = serveEvent.getRequest().getMethod().getName() + " " + serveEvent.getRequest().getUrl();
        OperationCase operation = operations.get(key.contains("?") ? key.substring(0, key.indexOf('?')) : key);
        if (operation == null) {
            return fault("unknown path", new ResponseDefinitionBuilder().withStatus(418));
        }
        perOperation.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        int draw;
        int delay;
        synchronized (random) {
            draw = random.nextInt(100);
            delay = random.nextInt(21);
        }
        if (storm) {
            return fault("storm 500", json(500, "INTERNAL"));
        }
        if (draw < 70 || healthy) {
            ResponseDefinitionBuilder success = new ResponseDefinitionBuilder()
                    .withStatus(operation.operation().successStatus()).withFixedDelay(delay);
            if (operation.successBody() != null) {
                success.withHeader("Content-Type", "application/json").withBody(operation.successBody());
            }
            return success.build();
        }
        if (draw < 77) {
            return fault("500", json(500, "INTERNAL"));
        }
        if (draw < 84) {
            return fault("503", new ResponseDefinitionBuilder().withStatus(503).withHeader("Retry-After", "0"));
        }
        if (draw < 88) {
            return fault("429", new ResponseDefinitionBuilder().withStatus(429));
        }
        if (draw < 91) {
            return fault("404", json(404, "NOT_FOUND"));
        }
        if (draw < 94) {
            return fault("slow", new ResponseDefinitionBuilder().withStatus(operation.operation().successStatus())
                    .withFixedDelay(slowMillis));
        }
        if (draw < 97) {
            return fault("reset", new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER));
        }
        if (draw < 99) {
            return fault("empty", new ResponseDefinitionBuilder().withFault(Fault.EMPTY_RESPONSE));
        }
        return fault("malformed chunk", new ResponseDefinitionBuilder().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    }

    private ResponseDefinition fault(String kind, ResponseDefinitionBuilder response) {
        faults.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        return response.build();
    }

    private static ResponseDefinitionBuilder json(int status, String code) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"" + code + "\",\"errorMessage\":\"flaky\"}");
    }

    /** Forgets the counts and the mode. */
    void reset() {
        requests.set(0);
        perOperation.clear();
        faults.clear();
        storm = false;
        healthy = false;
    }

    /** Requests received for the operation. */
    int requests(OperationCase operation) {
        AtomicInteger count = perOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Faults injected so far. */
    int faultCount() {
        return faults.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
