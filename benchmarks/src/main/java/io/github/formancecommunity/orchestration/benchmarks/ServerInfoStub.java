package io.github.formancecommunity.orchestration.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The server {@link StartupProbe} times its first call against: the JDK's {@code com.sun.net.httpserver} on an
 * ephemeral loopback port, answering {@code GET {prefix}/_info} with 200 {@code {"version":"v2.0.0"}} (the one
 * V1 body without a {@code data} envelope) and anything else with 404.
 *
 * <p>The probe starts it before the application context on both class paths, so that the baseline pays the same
 * class loading for it as the starter's runs.
 */
final class ServerInfoStub implements AutoCloseable {

    /** The version the stub reports. */
    static final String VERSION = "v2.0.0";

    private static final byte[] INFO_BODY = ("{\"version\":\"" + VERSION + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND_BODY =
            "{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"the start-up probe's server only answers _info\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final String infoPath;
    private final AtomicInteger infoRequests = new AtomicInteger();

    private ServerInfoStub(String pathPrefix) throws IOException {
        this.infoPath = pathPrefix + "/_info";
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /**
     * Starts a stub on an ephemeral loopback port.
     *
     * @param pathPrefix the prefix {@code _info} is answered under, e.g. {@code /api/orchestration}
     */
    static ServerInfoStub start(String pathPrefix) throws IOException {
        return new ServerInfoStub(pathPrefix);
    }

    /** {@code http://127.0.0.1:<port>}, without the path prefix. */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** How many {@code _info} requests were answered (or are being answered) with 200. */
    int infoRequests() {
        return infoRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean info = exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getPath().equals(infoPath);
            if (info) {
                // Counted before answering, so that a client that has its answer sees the count.
                infoRequests.incrementAndGet();
            }
            byte[] body = info ? INFO_BODY : NOT_FOUND_BODY;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(info ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
