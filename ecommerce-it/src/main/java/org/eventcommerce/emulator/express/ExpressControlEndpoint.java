package org.eventcommerce.emulator.express;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Express Checkout test controls over HTTP, plain-text answers (see {@link ExpressControls}):
 * <pre>
 * POST /control/ec/reset                          forget checkouts and transactions, clear controls, reset clock and merchants
 * POST /control/ec/fail-funding?count=K           next K DoExpressCheckoutPayment answer 10486
 * POST /control/ec/pending?reason=R&amp;count=K       next K payments are Pending with PENDINGREASON R (default paymentreview)
 * POST /control/ec/expire?token=EC-...            the token answers 10411 from now on
 * POST /control/ec/approve?token=EC-...           the demo buyer approves; answers the PayerID
 * POST /control/ec/complete?transaction=ID        PayPal completes the pending payment ID (PAYMENTSTATUS=Completed)
 * POST /control/ec/deny?transaction=ID            PayPal denies the pending payment ID (PAYMENTSTATUS=Denied)
 * POST /control/ec/clock?advance=PT3H             move the clock (ISO-8601 duration or seconds); or ?at=2026-01-01T00:00:00Z
 * GET  /control/ec/clock                          the emulator's Express Checkout time
 * POST /control/ec/permit?email=E&amp;country=US      grant permission for merchant E (country defaults to US)
 * POST /control/ec/revoke?email=E                 withdraw it
 * GET  /control/ec/merchants                      one permitted merchant per line: "email country"
 * GET  /control/ec/checkouts                      one line per token
 * GET  /control/ec/transactions                   one line per transaction: TRANSACTIONID, KIND, MERCHANT, AMT,
 *                                                 CURRENCYCODE, PAYMENTSTATUS, PENDINGREASON, PARENT, CAPTURED,
 *                                                 REFUNDED (and REFUNDTYPE for a refund), name=value joined by &amp;
 * </pre>
 * {@code count} defaults to 1. Bad parameters answer 400, an unknown path 404, a wrong method 405.
 */
final class ExpressControlEndpoint implements HttpHandler {

    private final ExpressControls controls;
    private final ExpressStore store;
    private final ExpressClock clock;

    ExpressControlEndpoint(ExpressControls controls, ExpressStore store, ExpressClock clock) {
        this.controls = controls;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpText.body(exchange);
            String path = exchange.getRequestURI().getPath();
            String action = path.startsWith("/control/ec/") ? path.substring("/control/ec/".length()) : "";
            String method = exchange.getRequestMethod();
            try {
                Map<String, String> query = FormCodec.parse(exchange.getRequestURI().getRawQuery());
                switch (action) {
                    case "reset" -> post(exchange, method, () -> {
                        controls.reset();
                        return "reset\n";
                    });
                    case "fail-funding" -> post(exchange, method, () -> {
                        int count = count(query);
                        controls.failFundingNext(count);
                        return "the next " + count + " DoExpressCheckoutPayment answer 10486\n";
                    });
                    case "pending" -> post(exchange, method, () -> {
                        int count = count(query);
                        String reason = query.getOrDefault("reason", "paymentreview");
                        controls.pendNext(reason, count);
                        return "the next " + count + " payments are Pending (" + reason + ")\n";
                    });
                    case "expire" -> post(exchange, method, () -> {
                        String token = required(query, "token");
                        if (!controls.expire(token)) {
                            throw new IllegalArgumentException("unknown token: " + token);
                        }
                        return "expired " + token + "\n";
                    });
                    case "approve" -> post(exchange, method, () -> controls.approve(required(query, "token"))
                            .map(payerId -> payerId + "\n")
                            .orElseThrow(() -> new IllegalArgumentException("unknown, expired or paid token")));
                    case "complete", "deny" -> post(exchange, method, () -> {
                        String id = required(query, "transaction");
                        if (!controls.settlePending(id, action.equals("complete"))) {
                            throw new IllegalArgumentException("no pending payment " + id);
                        }
                        return (action.equals("complete") ? "completed " : "denied ") + id + "\n";
                    });
                    case "clock" -> {
                        if ("GET".equals(method)) {
                            HttpText.plain(exchange, 200, clock.instant() + "\n");
                        } else {
                            post(exchange, method, () -> {
                                if (query.containsKey("at")) {
                                    controls.setClock(Instant.parse(query.get("at")));
                                } else {
                                    controls.advanceClock(duration(required(query, "advance")));
                                }
                                return clock.instant() + "\n";
                            });
                        }
                    }
                    case "permit" -> post(exchange, method, () -> {
                        String email = required(query, "email");
                        controls.permit(email, query.getOrDefault("country", "US"));
                        return "permitted " + email + "\n";
                    });
                    case "revoke" -> post(exchange, method, () -> {
                        String email = required(query, "email");
                        return (controls.revoke(email) ? "revoked " : "was not permitted: ") + email + "\n";
                    });
                    case "merchants" -> get(exchange, method, lines(controls.merchants()));
                    case "checkouts" -> get(exchange, method, store.atomically(() -> store.checkouts().stream()
                            .map(c -> c.controlLine(clock.instant()) + "\n").collect(Collectors.joining())));
                    case "transactions" -> get(exchange, method, store.atomically(() -> store.transactions().stream()
                            .map(t -> t.controlLine() + "\n").collect(Collectors.joining())));
                    default -> HttpText.plain(exchange, 404, "unknown control: " + path + "\n");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                HttpText.plain(exchange, 400, e.getMessage() + "\n");
            }
        }
    }

    private interface Action {
        String run();
    }

    private static void post(HttpExchange exchange, String method, Action action) throws IOException {
        if (!"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST");
            HttpText.plain(exchange, 405, "use POST\n");
            return;
        }
        HttpText.plain(exchange, 200, action.run());
    }

    private static void get(HttpExchange exchange, String method, String body) throws IOException {
        if (!"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpText.plain(exchange, 405, "use GET\n");
            return;
        }
        HttpText.plain(exchange, 200, body);
    }

    private static String lines(java.util.List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    private static int count(Map<String, String> query) {
        String value = query.get("count");
        if (value == null || value.isEmpty()) {
            return 1;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: count=" + value);
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return value.strip();
    }

    private static Duration duration(String value) {
        if (value.matches("-?[0-9]+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        return Duration.parse(value);
    }
}
