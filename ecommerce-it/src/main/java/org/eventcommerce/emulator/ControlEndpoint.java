package org.eventcommerce.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The test control endpoint, plain-text answers (DESIGN.md, "The PayPal emulator"; see {@link EmulatorControl}):
 * <pre>
 * POST /control/reset                       (also resets Express Checkout, see /control/ec/ in the express package)
 * POST /control/delay?ms=N&amp;count=K          next K answers wait N ms after processing and recording
 * POST /control/hold?count=K                 next K answers wait until /control/release
 * POST /control/release                      sends held answers, cancels unused holds
 * POST /control/drop?count=K                 next K requests: process, record, close without answering
 * POST /control/force-result?result=R&amp;count=K  next K transactions get RESULT R
 * POST /control/replay-another?amount=A&amp;count=K  next K sales/authorizations/captures/voids/credits: not processed,
 *                                             answered DUPLICATE=1 with another transaction of AMT A (kept for resends)
 * POST /control/ec-pending?count=K          next K approved Payflow Express Checkout payments are pending (echeck)
 * POST /control/settle                       approved sales, captures and credits become settled (not voidable)
 * POST /control/accept-review?pnref=P        the merchant accepts the transaction held for review (RESULT 126)
 * GET  /control/transactions                 one line per transaction, PNREF=..&amp;TRXTYPE=..&amp;AMT=..&amp;...
 * GET  /control/held                         number of answers held now
 * GET  /control/health                       "ok"
 * </pre>
 * {@code count} defaults to 1. Bad parameters answer 400, an unknown path 404, a wrong method 405.
 */
final class ControlEndpoint implements HttpHandler {

    private final EmulatorControl control;
    private final TransactionLedger ledger;
    private final Runnable alsoOnReset;

    ControlEndpoint(EmulatorControl control, TransactionLedger ledger) {
        this(control, ledger, () -> { });
    }

    /** {@code alsoOnReset} runs after {@link EmulatorControl#reset()} on {@code POST /control/reset}. */
    ControlEndpoint(EmulatorControl control, TransactionLedger ledger, Runnable alsoOnReset) {
        this.control = control;
        this.ledger = ledger;
        this.alsoOnReset = alsoOnReset;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String action = path.startsWith("/control/") ? path.substring("/control/".length()) : "";
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            try {
                switch (action) {
                    case "health" -> get(exchange, method, "ok\n");
                    case "transactions" -> get(exchange, method, transactions());
                    case "held" -> get(exchange, method, control.heldCount() + "\n");
                    case "reset" -> post(exchange, method, () -> {
                        control.reset();
                        alsoOnReset.run();
                        return "reset\n";
                    });
                    case "delay" -> post(exchange, method, () -> {
                        long ms = number(query, "ms", null);
                        int count = (int) number(query, "count", 1L);
                        control.delayNext(ms, count);
                        return "delaying the next " + count + " answers by " + ms + " ms\n";
                    });
                    case "hold" -> post(exchange, method, () -> {
                        int count = (int) number(query, "count", 1L);
                        control.holdNext(count);
                        return "holding the next " + count + " answers\n";
                    });
                    case "release" -> post(exchange, method, () -> "released " + control.release() + "\n");
                    case "drop" -> post(exchange, method, () -> {
                        int count = (int) number(query, "count", 1L);
                        control.dropNext(count);
                        return "dropping the next " + count + " answers\n";
                    });
                    case "force-result" -> post(exchange, method, () -> {
                        int result = (int) number(query, "result", null);
                        int count = (int) number(query, "count", 1L);
                        control.forceResult(result, count);
                        return "forcing RESULT=" + result + " on the next " + count + " transactions\n";
                    });
                    case "replay-another" -> post(exchange, method, () -> {
                        String amount = query.get("amount");
                        java.util.Optional<java.math.BigDecimal> parsed = AmountFormat.parse(amount, 2);
                        if (parsed.isEmpty() || parsed.get().signum() <= 0) {
                            throw new IllegalArgumentException("amount must be #####.##, positive: amount=" + amount);
                        }
                        int count = (int) number(query, "count", 1L);
                        control.replayAnotherNext(parsed.get(), count);
                        return "replaying another transaction of " + amount + " to the next " + count + " requests\n";
                    });
                    case "ec-pending" -> post(exchange, method, () -> {
                        int count = (int) number(query, "count", 1L);
                        control.pendingNext(count);
                        return "pending the next " + count + " Express Checkout payments\n";
                    });
                    case "settle" -> post(exchange, method, () -> "settled " + control.settle() + "\n");
                    case "accept-review" -> post(exchange, method, () -> {
                        String pnref = query.get("pnref");
                        if (pnref == null || !control.acceptReview(pnref)) {
                            throw new IllegalArgumentException("no transaction held for review: pnref=" + pnref);
                        }
                        return "accepted " + pnref + "\n";
                    });
                    default -> PlainText.send(exchange, 404, "unknown control: " + path + "\n");
                }
            } catch (IllegalArgumentException e) {
                PlainText.send(exchange, 400, e.getMessage() + "\n");
            }
        }
    }

    private String transactions() {
        return ledger.snapshot().stream().map(t -> t.toControlLine() + "\n").collect(Collectors.joining());
    }

    private interface Action {
        String run();
    }

    private static void get(HttpExchange exchange, String method, String body) throws IOException {
        if (!"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            PlainText.send(exchange, 405, "use GET\n");
            return;
        }
        PlainText.send(exchange, 200, body);
    }

    private static void post(HttpExchange exchange, String method, Action action) throws IOException {
        if (!"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST");
            PlainText.send(exchange, 405, "use POST\n");
            return;
        }
        PlainText.send(exchange, 200, action.run());
    }

    private static long number(Map<String, String> query, String name, Long defaultValue) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("missing parameter " + name);
            }
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (!"result".equals(name) && number < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + name + "=" + value);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
