package org.eventcommerce.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buyer's approval page of Express Checkout through Payflow (paypal-protocols.md §1.9; PayPal serves it at
 * {@code /cgi-bin/webscr?cmd=_express-checkout&token=…}; the emulator serves it at {@code /payflow-ec/checkout} so it
 * does not clash with the classic Express Checkout page):
 * <pre>
 * GET  /payflow-ec/checkout?token=EC-…[&amp;cmd=_express-checkout]   the page: amount, buttons id="approve", id="cancel"
 * POST /payflow-ec/checkout   (form: token, decision=approve|cancel)
 * </pre>
 * Approve → {@code 303} to RETURNURL with {@code token} and {@code PayerID} (§1.9 "The buyer comes back at
 * RETURNURL?token=&lt;TOKEN&gt;&amp;PayerID=&lt;PAYERID&gt;"); cancel → {@code 303} to CANCELURL with {@code token}.
 * An unknown or expired token → 404 page; a token already paid → 400 page.
 */
final class ExpressCheckoutPage implements HttpHandler {

    private final ExpressCheckouts checkouts;

    ExpressCheckoutPage(ExpressCheckouts checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!"/payflow-ec/checkout".equals(exchange.getRequestURI().getPath())) {
                PlainText.send(exchange, 404, "not found\n");
                return;
            }
            Map<String, String> params = FormData.read(exchange.getRequestURI().getRawQuery());
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post) {
                FormData.read(body).forEach(params::put);
            }
            ExpressCheckouts.Session s = checkouts.forBuyer(params.get("token")).orElse(null);
            if (s == null) {
                page(exchange, 404, "<p id=\"error\">This PayPal session is unknown or has expired.</p>");
                return;
            }
            if (!post) {
                String token = FormData.html(s.token);
                page(exchange, 200, """
                        <h1>Pay with PayPal</h1>
                        <p>Amount: <span id="amount">%s</span> <span id="currency">%s</span></p>
                        <form method="post" action="/payflow-ec/checkout">
                        <input type="hidden" name="token" value="%s">
                        <button id="approve" type="submit" name="decision" value="approve">Continue</button>
                        <button id="cancel" type="submit" name="decision" value="cancel">Cancel and return</button>
                        </form>
                        """.formatted(AmountFormat.format(s.amount), FormData.html(s.currency), token));
                return;
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("token", s.token);
            if ("approve".equals(params.get("decision"))) {
                if (!checkouts.approve(s)) {
                    page(exchange, 400, "<p id=\"error\">This PayPal session is already closed.</p>");
                    return;
                }
                query.put("PayerID", s.payerId);
                redirect(exchange, FormData.appendQuery(s.returnUrl, query));
            } else if ("cancel".equals(params.get("decision"))) {
                if (!checkouts.cancel(s)) {
                    page(exchange, 400, "<p id=\"error\">This PayPal session is already closed.</p>");
                    return;
                }
                redirect(exchange, FormData.appendQuery(s.cancelUrl, query));
            } else {
                page(exchange, 400, "<p id=\"error\">Choose approve or cancel.</p>");
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void page(HttpExchange exchange, int status, String content) throws IOException {
        HostedPageEndpoint.send(exchange, status, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>PayPal emulator - Express Checkout</title></head><body>\n" + content + "</body></html>\n");
    }
}
