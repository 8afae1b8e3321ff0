package org.eventcommerce.payments;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for a provider's host on 127.0.0.1 (random port), for connector tests: records every request and
 * answers with queued canned replies, in order, or, when none is queued, with a reply computed from the request.
 * A delayed reply is abandoned when the server closes (time-out tests).
 */
public class FakeHttpServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Received(String method, String path, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One reply: HTTP status, body, and a delay before answering. */
    public record Reply(int status, String body, long delayMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, 0);
        }

        public static Reply after(long delayMillis, String body) {
            return new Reply(200, body, delayMillis);
        }
    }

    private final HttpServer server;
    private final String contentType;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Received, Reply> fallback;

    /**
     * @param contentType the Content-Type of every answer
     * @param fallback    the answer when no reply is queued
     */
    protected FakeHttpServer(String contentType, Function<Received, Reply> fallback) throws IOException {
        this.contentType = contentType;
        this.fallback = fallback;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies, used one per request in order. */
    protected void queue(List<Reply> next) {
        replies.addAll(next);
    }

    /** Answers every request not covered by a queued reply with {@code answer(request)}. */
    protected void fallback(Function<Received, Reply> answer) {
        this.fallback = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The one request received. @throws AssertionError when there were none or several */
    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body);
            received.add(request);
            Reply reply = replies.poll();
            if (reply == null) {
                reply = fallback.apply(request);
            }
            if (reply.delayMillis() > 0 && closing.await(reply.delayMillis(), TimeUnit.MILLISECONDS)) {
                return; // shutting down
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (time-out tests): nothing to answer
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
