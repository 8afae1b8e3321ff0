package org.eventcommerce.payments.payflow;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.eventcommerce.payments.FakeHttpServer;

/**
 * A stand-in for the Payflow host on 127.0.0.1 (random port): records every request and answers with canned
 * replies, in order, or with a reply computed from the request (by default the guide's approval).
 */
final class FakePayflowServer extends FakeHttpServer {

    FakePayflowServer() throws IOException {
        super("text/namevalue", r -> Reply.ok(PayflowTestData.GUIDE_APPROVED));
    }

    /** The endpoint, like PayPal's: scheme, host and port, no path. */
    URI endpoint() {
        return base();
    }

    /** Queues replies, used one per request in order; when none is queued the fallback answers. */
    FakePayflowServer reply(Reply... next) {
        queue(List.of(next));
        return this;
    }

    /** Answers every request not covered by a queued reply with {@code answer(request)}. */
    FakePayflowServer answerWith(Function<Received, Reply> answer) {
        fallback(answer);
        return this;
    }
}
