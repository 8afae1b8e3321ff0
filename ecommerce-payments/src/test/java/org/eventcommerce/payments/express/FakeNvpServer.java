package org.eventcommerce.payments.express;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.eventcommerce.payments.FakeHttpServer;

/**
 * A stand-in for {@code api-3t.sandbox.paypal.com/nvp} on 127.0.0.1 (port 0): records every request and answers
 * with queued canned replies in order (HTTP 500 "no canned reply" when none is left).
 */
final class FakeNvpServer extends FakeHttpServer {

    FakeNvpServer() throws IOException {
        super("text/plain; charset=utf-8", r -> new Reply(500, "no canned reply", 0));
    }

    URI endpoint() {
        return base().resolve("/nvp");
    }

    FakeNvpServer reply(Reply... next) {
        queue(List.of(next));
        return this;
    }

    FakeNvpServer reply(String... bodies) {
        queue(Arrays.stream(bodies).map(Reply::ok).toList());
        return this;
    }
}
