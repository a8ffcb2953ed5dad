package io.github.formancecommunity.orchestration.client.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers each request as its current {@link Handler} says, byte for byte:
 * the hostile answers an HTTP library would not let a test server give (endless trickles, headers by the megabyte,
 * compressed bodies that inflate without end). Connections are kept open after a handler that says so.
 */
final class HostileServer implements AutoCloseable {

    /** Writes the answer to one request. */
    @FunctionalInterface
    interface Handler {

        /**
         * @param request the request line and headers
         * @param out     the connection's output
         * @return whether the connection may carry another request
         */
        boolean answer(String request, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private volatile Handler handler = HostileServer::serverInfo;
    private volatile String lastRequest;

    HostileServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Sets how the next requests are answered. */
    HostileServer answer(Handler next) {
        this.handler = next;
        return this;
    }

    /** Answers like a healthy server: {@code getServerInfo} gives version {@code v}. */
    HostileServer healthy() {
        return answer(HostileServer::serverInfo);
    }

    int requests() {
        return requests.get();
    }

    /** The bytes the handlers wrote through {@link #counting(OutputStream)}. */
    long written() {
        return written.get();
    }

    String lastRequest() {
        return lastRequest;
    }

    /** A stream that counts what goes through it into {@link #written()}. */
    OutputStream counting(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written.addAndGet(len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    static boolean serverInfo(String request, OutputStream out) throws IOException {
        return json(out, 200, "{\"version\":\"v\"}");
    }

    /** Writes a complete JSON response with a {@code Content-Length}; keeps the connection. */
    static boolean json(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    /** Writes one chunk of a chunked body. */
    static void chunk(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            }
            catch (IOException | RuntimeException ex) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                skipBody(in, head);
                requests.incrementAndGet();
                lastRequest = head;
                if (!handler.answer(head, out)) {
                    return;
                }
            }
        }
        catch (Exception ex) {
            // the client went away: what a hostile answer expects
        }
        finally {
            sockets.remove(socket);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
