package io.github.formancecommunity.orchestration.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 keep-alive server on loopback that answers three Orchestration V1 routes with response
 * bytes (status line, headers and body) computed once at start-up, so that the server's cost per request is a
 * header scan and one socket write, the same for every client under test.
 *
 * <ul>
 *   <li>{@code GET {prefix}/workflows/{id}} → 200 {@code {"data": Workflow}}</li>
 *   <li>{@code GET {prefix}/instances[?...]} → 200 {@code {"data": [500 WorkflowInstance]}}</li>
 *   <li>{@code POST {prefix}/workflows/{id}/instances} → 201 {@code {"data": WorkflowInstance}}</li>
 *   <li>anything else → 404 with a V1 error body; a missing or wrong bearer token → 401 with an empty body,
 *       as the real server does; a request body without {@code Content-Length} → 411.</li>
 * </ul>
 *
 * One platform thread serves each connection (raw blocking sockets cost less per request than
 * {@code com.sun.net.httpserver}, which parses and allocates headers into maps).
 */
final class CannedOrchestrationServer implements AutoCloseable {

    /** The path prefix the server answers under, the gateway's. */
    static final String PATH_PREFIX = "/api/orchestration";

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final int MAX_HEAD = 16 * 1024;

    /** How long a connection refused with 411 waits for the client to close it. */
    private static final int LINGER_MILLIS = 2_000;

    private final ServerSocket serverSocket;
    private final ExecutorService connections;
    private final Thread acceptor;
    private final byte @Nullable [] expectedAuthorization;
    private final byte[] workflowResponse;
    private final byte[] instancesResponse;
    private final byte[] startedResponse;
    private final byte[] notFoundResponse;
    private final byte[] unauthorizedResponse;
    private final byte[] lengthRequiredResponse;
    private final byte[] headTooLargeResponse;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private CannedOrchestrationServer(CannedPayloads payloads, @Nullable String bearerToken) throws IOException {
        this.expectedAuthorization = bearerToken == null ? null
                : ("Bearer " + bearerToken).getBytes(StandardCharsets.US_ASCII);
        this.workflowResponse = response("200 OK", payloads.workflowBody());
        this.instancesResponse = response("200 OK", payloads.instancesBody());
        this.startedResponse = response("201 Created", payloads.startedBody());
        this.notFoundResponse = response("404 Not Found",
                "{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"no such route on the benchmark server\"}"
                        .getBytes(StandardCharsets.UTF_8));
        this.unauthorizedResponse = response("401 Unauthorized", new byte[0]);
        this.lengthRequiredResponse = response("411 Length Required", "Connection: close\r\n", new byte[0]);
        this.headTooLargeResponse = response("431 Request Header Fields Too Large", new byte[0]);
        this.serverSocket = new ServerSocket();
        this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        AtomicInteger threadCount = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "canned-server-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "canned-server-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * Starts a server on an ephemeral loopback port.
     *
     * @param payloads    the bodies to answer
     * @param bearerToken the token every request must carry, or {@code null} to accept any request
     */
    static CannedOrchestrationServer start(CannedPayloads payloads, @Nullable String bearerToken) throws IOException {
        return new CannedOrchestrationServer(payloads, bearerToken);
    }

    /** {@code http://127.0.0.1:<port>}, without the path prefix. */
    String baseUrl() {
        return "http://" + serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
    }

    /** How many connections the server has accepted so far (keep-alive clients open few). */
    int connectionsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverSocket.close();
        connections.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                connections.execute(() -> serve(socket));
            }
            catch (IOException ex) {
                if (!closed) {
                    System.err.println("benchmark server: accept failed: " + ex);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[MAX_HEAD];
            int start = 0;
            int end = 0;
            while (!closed) {
                int headEnd = indexOf(buffer, start, end, HEAD_END);
                if (headEnd < 0) {
                    if (start > 0) {
                        System.arraycopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.length) {
                        out.write(headTooLargeResponse);
                        return;
                    }
                    int read = in.read(buffer, end, buffer.length - end);
                    if (read < 0) {
                        return;
                    }
                    end += read;
                    continue;
                }
                Request request = Request.parse(buffer, start, headEnd);
                int next = headEnd + HEAD_END.length;
                if (request.chunked) {
                    out.write(lengthRequiredResponse);
                    closeAfterReading(socket, in, buffer);
                    return;
                }
                // Skip the request body: the canned answers do not depend on it.
                long remaining = request.contentLength;
                int buffered = (int) Math.min(remaining, end - next);
                next += buffered;
                remaining -= buffered;
                while (remaining > 0) {
                    long skipped = in.skip(remaining);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        skipped = 1;
                    }
                    remaining -= skipped;
                }
                start = next;
                out.write(route(buffer, request));
                if (request.close) {
                    return;
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
            }
        }
        catch (SocketException ex) {
            // The client closed the connection; nothing to do.
        }
        catch (IOException | RuntimeException ex) {
            if (!closed) {
                System.err.println("benchmark server: connection failed: " + ex);
            }
        }
    }

    private byte[] route(byte[] buffer, Request request) {
        if (expectedAuthorization != null && !request.hasAuthorization(buffer, expectedAuthorization)) {
            return unauthorizedResponse;
        }
        String path = request.path;
        if (!path.startsWith(PATH_PREFIX + "/")) {
            return notFoundResponse;
        }
        String route = path.substring(PATH_PREFIX.length());
        if (request.method.equals("GET")) {
            if (route.equals("/instances")) {
                return instancesResponse;
            }
            if (route.startsWith("/workflows/") && route.indexOf('/', "/workflows/".length()) < 0
                    && route.length() > "/workflows/".length()) {
                return workflowResponse;
            }
        }
        if (request.method.equals("POST") && route.startsWith("/workflows/") && route.endsWith("/instances")
                && route.length() > "/workflows//instances".length()
                && route.indexOf('/', "/workflows/".length()) == route.length() - "/instances".length()) {
            return startedResponse;
        }
        return notFoundResponse;
    }

    /**
     * Ends a connection whose request body is not read: stops sending, then reads what the client still sends until
     * it closes (at most {@value #LINGER_MILLIS} ms), so that closing with unread bytes does not reset the
     * connection before the client has read the answer.
     */
    private static void closeAfterReading(Socket socket, InputStream in, byte[] buffer) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        try {
            while (in.read(buffer) >= 0) {
                // discarded
            }
        }
        catch (SocketTimeoutException ex) {
            // the client kept the connection open: close it anyway
        }
    }

    private static byte[] response(String status, byte[] body) {
        return response(status, "", body);
    }

    private static byte[] response(String status, String extraHeaders, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 128);
        String head = "HTTP/1.1 " + status + "\r\n" + extraHeaders
                + (body.length > 0 ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    static int indexOf(byte[] buffer, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The parts of one request head the server needs; header values stay in the buffer. */
    private static final class Request {

        final String method;
        final String path;
        long contentLength;
        boolean chunked;
        boolean close;
        int authorizationStart = -1;
        int authorizationEnd = -1;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        static Request parse(byte[] buffer, int start, int headEnd) {
            int lineEnd = indexOf(buffer, start, headEnd, new byte[] {'\r', '\n'});
            lineEnd = lineEnd < 0 ? headEnd : lineEnd;
            String line = new String(buffer, start, lineEnd - start, StandardCharsets.US_ASCII);
            int firstSpace = line.indexOf(' ');
            int secondSpace = line.indexOf(' ', firstSpace + 1);
            if (firstSpace < 0 || secondSpace < 0) {
                return new Request("", "");
            }
            String target = line.substring(firstSpace + 1, secondSpace);
            int query = target.indexOf('?');
            Request request = new Request(line.substring(0, firstSpace),
                    query < 0 ? target : target.substring(0, query));
            int cursor = lineEnd + 2;
            while (cursor < headEnd) {
                int end = indexOf(buffer, cursor, headEnd, new byte[] {'\r', '\n'});
                end = end < 0 ? headEnd : end;
                int colon = cursor;
                while (colon < end && buffer[colon] != ':') {
                    colon++;
                }
                int valueStart = colon + 1;
                while (valueStart < end && buffer[valueStart] == ' ') {
                    valueStart++;
                }
                if (nameIs(buffer, cursor, colon, "content-length")) {
                    request.contentLength = Long.parseLong(
                            new String(buffer, valueStart, end - valueStart, StandardCharsets.US_ASCII).strip());
                }
                else if (nameIs(buffer, cursor, colon, "transfer-encoding")) {
                    request.chunked = true;
                }
                else if (nameIs(buffer, cursor, colon, "connection")) {
                    request.close = valueIs(buffer, valueStart, end, "close");
                }
                else if (nameIs(buffer, cursor, colon, "authorization")) {
                    request.authorizationStart = valueStart;
                    request.authorizationEnd = end;
                }
                cursor = end + 2;
            }
            return request;
        }

        boolean hasAuthorization(byte[] buffer, byte[] expected) {
            if (authorizationStart < 0 || authorizationEnd - authorizationStart != expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (buffer[authorizationStart + i] != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean nameIs(byte[] buffer, int from, int to, String lowerCaseName) {
            return valueIs(buffer, from, to, lowerCaseName);
        }

        private static boolean valueIs(byte[] buffer, int from, int to, String lowerCase) {
            if (to - from != lowerCase.length()) {
                return false;
            }
            for (int i = 0; i < lowerCase.length(); i++) {
                if (Character.toLowerCase((char) buffer[from + i]) != lowerCase.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
