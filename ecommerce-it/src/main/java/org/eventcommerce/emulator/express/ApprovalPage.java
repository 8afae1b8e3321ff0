package org.eventcommerce.emulator.express;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * The buyer's side of Express Checkout: {@code GET /cgi-bin/webscr?cmd=_express-checkout&token=EC-...} (the redirect
 * URL of §3.3 step 2; {@code useraction=commit} is accepted and ignored) shows the amount, the merchant and two buttons
 * with stable ids {@code approve} and {@code cancel}. They post back to {@code /cgi-bin/webscr}:
 * <ul>
 *   <li>approve: the demo buyer ({@value Buyer#EMAIL}) approves and the browser is redirected (302) to RETURNURL with
 *       {@code token} and {@code PayerID} appended (§3.3 step 3);</li>
 *   <li>cancel: 302 to CANCELURL with {@code token} appended; the token stays usable, as on PayPal.</li>
 * </ul>
 * An unknown token answers 404, an expired one 410, an already paid one 409, each with an HTML page whose message has
 * id {@code error}. A missing or other {@code cmd} answers 400.
 */
final class ApprovalPage implements HttpHandler {

    private final ExpressStore store;
    private final ExpressClock clock;
    private final Buyer buyer;

    ApprovalPage(ExpressStore store, ExpressClock clock, Buyer buyer) {
        this.store = store;
        this.clock = clock;
        this.buyer = buyer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = HttpText.body(exchange);
            if (!"/cgi-bin/webscr".equals(exchange.getRequestURI().getPath())) {
                HttpText.plain(exchange, 404, "not found\n");
                return;
            }
            Map<String, String> params;
            try {
                params = FormCodec.parse(exchange.getRequestURI().getRawQuery());
                if ("POST".equals(exchange.getRequestMethod())) {
                    FormCodec.parse(body).forEach(params::putIfAbsent);
                }
            } catch (IllegalArgumentException e) {
                HttpText.plain(exchange, 400, "malformed parameters\n");
                return;
            }
            if (!"_express-checkout".equals(params.get("cmd"))) {
                HttpText.plain(exchange, 400, "unsupported cmd\n");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET", "HEAD" -> show(exchange, params.get("token"));
                case "POST" -> decide(exchange, params.get("token"), params.get("action"));
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    HttpText.plain(exchange, 405, "use GET or POST\n");
                }
            }
        }
    }

    private void show(HttpExchange exchange, String token) throws IOException {
        Page page = store.atomically(() -> {
            Checkout c = usable(token);
            if (c == null) {
                return problem(token);
            }
            String amount = ExpressCurrencies.format(c.amount, c.currency) + " " + c.currency;
            return new Page(200, "<h1>Pay with PayPal (emulator)</h1>\n"
                    + "<p>Merchant: <span id=\"merchant\">" + HttpText.html(c.merchant) + "</span></p>\n"
                    + "<p>Amount: <span id=\"amount\">" + HttpText.html(amount) + "</span></p>\n"
                    + (c.description == null ? "" : "<p id=\"description\">" + HttpText.html(c.description) + "</p>\n")
                    + "<p>Buyer: " + HttpText.html(Buyer.EMAIL) + "</p>\n"
                    + "<form method=\"post\" action=\"/cgi-bin/webscr\">\n"
                    + "<input type=\"hidden\" name=\"cmd\" value=\"_express-checkout\">\n"
                    + "<input type=\"hidden\" name=\"token\" value=\"" + HttpText.html(c.token) + "\">\n"
                    + "<button type=\"submit\" id=\"approve\" name=\"action\" value=\"approve\">Approve</button>\n"
                    + "<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\">Cancel</button>\n"
                    + "</form>\n", null);
        });
        sendPage(exchange, page);
    }

    private void decide(HttpExchange exchange, String token, String action) throws IOException {
        if (!"approve".equals(action) && !"cancel".equals(action)) {
            HttpText.plain(exchange, 400, "action must be approve or cancel\n");
            return;
        }
        Page page = store.atomically(() -> {
            Checkout c = usable(token);
            if (c == null) {
                return problem(token);
            }
            if ("approve".equals(action)) {
                buyer.approve(c);
                return new Page(302, "", append(c.returnUrl, "token=" + FormCodec.encodeQuery(c.token) + "&PayerID="
                        + FormCodec.encodeQuery(c.payerId)));
            }
            c.cancelled = true;
            return new Page(302, "", append(c.cancelUrl, "token=" + FormCodec.encodeQuery(c.token)));
        });
        sendPage(exchange, page);
    }

    private record Page(int status, String html, String location) {
    }

    private Checkout usable(String token) {
        return store.checkout(token).filter(c -> !c.expiredAt(clock.instant()) && !c.completed()).orElse(null);
    }

    private Page problem(String token) {
        Checkout c = store.checkout(token).orElse(null);
        if (c == null) {
            return new Page(404, "<p id=\"error\">This checkout is unknown. Return to the merchant and start again.</p>",
                    null);
        }
        if (c.completed()) {
            return new Page(409, "<p id=\"error\">This checkout has already been paid.</p>", null);
        }
        return new Page(410, "<p id=\"error\">This checkout session has expired. Return to the merchant and start"
                + " again.</p>", null);
    }

    private static void sendPage(HttpExchange exchange, Page page) throws IOException {
        if (page.location() != null) {
            exchange.getResponseHeaders().set("Location", page.location());
            exchange.sendResponseHeaders(page.status(), -1);
            return;
        }
        HttpText.send(exchange, page.status(), "text/html; charset=UTF-8", "<!DOCTYPE html>\n<html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>PayPal emulator: Express Checkout</title></head><body>\n"
                + page.html() + "\n</body></html>\n");
    }

    private static String append(String url, String query) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?") + query
                + fragment;
    }
}
