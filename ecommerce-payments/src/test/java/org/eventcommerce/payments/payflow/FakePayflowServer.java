package org.eventcommerce.payments.payflow;

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
 * A stand-in for the Payflow host on 127.0.0.1 (random port): records every request and answers with canned
 * replies, in order, or with a reply computed from the request.
 */
final class FakePayflowServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One reply: HTTP status, body, and a delay before answering. */
    record Reply(int status, String body, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, body, 0);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, 0);
        }

        static Reply after(long delayMillis, String body) {
            return new Reply(200, body, delayMillis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Received, Reply> fallback = r -> Reply.ok(PayflowTestData.GUIDE_APPROVED);

    FakePayflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The endpoint, like PayPal's: scheme, host and port, no path. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies, used one per request in order; when none is queued the fallback answers. */
    FakePayflowServer reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    /** Answers every request not covered by a queued reply with {@code answer(request)}. */
    FakePayflowServer answerWith(Function<Received, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
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
            exchange.getResponseHeaders().set("Content-Type", "text/namevalue");
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
