package org.eventcommerce.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * PayPal's hosted checkout page for a Secure Token (paypal-protocols.md §1.7; Payflow Link,
 * {@code payflowlink.paypal.com}), served at {@code /hosted}:
 * <pre>
 * GET|POST /hosted?SECURETOKEN=..&amp;SECURETOKENID=..[&amp;MODE=TEST]   the card form (ids acct, expdate, cvv2, pay, cancel)
 * POST     /hosted/pay     (form: SECURETOKEN, SECURETOKENID, ACCT, EXPDATE, CVV2)   runs the transaction
 * GET      /hosted/cancel?SECURETOKEN=..&amp;SECURETOKENID=..                      the buyer cancels
 * </pre>
 * A submitted card runs the token's Sale or Authorization through the card rules of the pilot server
 * ({@link CardTransactions}: test cards, expiry, amount rules, forced results, AVS/CVV2), recorded in the ledger with
 * the token request's CUSTREF, so an inquiry by CUSTREF finds it. Then:
 * <ol>
 *   <li>a Silent POST of the result fields to SILENTPOSTURL, when one was given ({@link SilentPoster});</li>
 *   <li>a {@code 303} redirect of the browser to RETURNURL (RESULT 0 or 126) or ERRORURL (anything else) with the
 *       same fields in the query (the emulator always returns by GET; PayPal's RETURNURLMETHOD is not emulated).</li>
 * </ol>
 * Result fields: RESULT, PNREF, RESPMSG, AUTHCODE, AVSADDR, AVSZIP, CVV2MATCH, then AMT, CURRENCY, ACCT (last four
 * only), EXPDATE, CARDTYPE, TRANSTIME, TRXTYPE, TYPE, TENDER=CC, METHOD=CC, INVNUM, CUSTREF, SECURETOKEN,
 * SECURETOKENID (the field set of a real Payflow silent post, WebService::PayflowPro test fixture). Cancel redirects
 * to CANCELURL with SECURETOKEN and SECURETOKENID and uses the token up. An unknown, used (160), busy (161) or
 * expired (162) token gets an HTML error page with status 400 whose element {@code id="result"} holds the RESULT.
 * Card numbers are held only for the duration of the request; the ledger keeps the last four digits.
 */
final class HostedPageEndpoint implements HttpHandler {

    private final SecureTokens tokens;
    private final CardTransactions cardTransactions;
    private final SilentPoster silentPoster;
    private final Consumer<String> log;

    HostedPageEndpoint(SecureTokens tokens, CardTransactions cardTransactions, SilentPoster silentPoster,
                       Consumer<String> log) {
        this.tokens = tokens;
        this.cardTransactions = cardTransactions;
        this.silentPoster = silentPoster;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> params = FormData.read(exchange.getRequestURI().getRawQuery());
            if ("POST".equals(exchange.getRequestMethod())) {
                FormData.read(body).forEach(params::putIfAbsent);
            }
            String path = exchange.getRequestURI().getPath();
            try {
                switch (path) {
                    case "/hosted", "/hosted/" -> page(exchange, params);
                    case "/hosted/pay" -> {
                        if (!"POST".equals(exchange.getRequestMethod())) {
                            exchange.getResponseHeaders().set("Allow", "POST");
                            PlainText.send(exchange, 405, "use POST\n");
                        } else {
                            pay(exchange, params);
                        }
                    }
                    case "/hosted/cancel" -> cancel(exchange, params);
                    default -> PlainText.send(exchange, 404, "not found\n");
                }
            } catch (RuntimeException e) {
                log.accept("hosted page internal error: " + e);
                PlainText.send(exchange, 500, "emulator error: " + e + "\n");
            }
        }
    }

    /**
     * The Secure Token the request names, when {@code check} (a look or the start of a try) finds it usable;
     * otherwise answers the error page and returns null.
     */
    private SecureTokens.Token usableToken(HttpExchange exchange, Map<String, String> params,
                                           java.util.function.ToIntFunction<SecureTokens.Token> check)
            throws IOException {
        SecureTokens.Token token = tokens.find(params.get("SECURETOKEN"), params.get("SECURETOKENID")).orElse(null);
        if (token == null) {
            error(exchange, PayflowResult.FIELD_FORMAT_ERROR, "Field format error: Invalid Token");
            return null;
        }
        int usable = check.applyAsInt(token);
        if (usable != PayflowResult.APPROVED) {
            error(exchange, usable, PayflowResult.message(usable));
            return null;
        }
        return token;
    }

    private void page(HttpExchange exchange, Map<String, String> params) throws IOException {
        SecureTokens.Token token = usableToken(exchange, params, tokens::usability);
        if (token == null) {
            return;
        }
        String st = FormData.html(token.secureToken);
        String id = FormData.html(token.secureTokenId);
        String cancelHref = FormData.html(FormData.appendQuery("/hosted/cancel",
                orderedOf("SECURETOKEN", token.secureToken, "SECURETOKENID", token.secureTokenId)));
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>PayPal emulator - pay by card</title></head>
                <body>
                <h1>Pay by card</h1>
                <p>Amount: <span id="amount">%s</span> <span id="currency">%s</span> (%s)</p>
                <form id="payment" method="post" action="/hosted/pay">
                <input type="hidden" name="SECURETOKEN" value="%s">
                <input type="hidden" name="SECURETOKENID" value="%s">
                <label for="acct">Card number</label> <input id="acct" name="ACCT" autocomplete="cc-number">
                <label for="expdate">Expiry (MMYY)</label> <input id="expdate" name="EXPDATE" autocomplete="cc-exp">
                <label for="cvv2">Security code</label> <input id="cvv2" name="CVV2" autocomplete="cc-csc">
                <button id="pay" type="submit">Pay now</button>
                </form>
                <p><a id="cancel" href="%s">Cancel and return to the merchant</a></p>
                </body></html>
                """.formatted(AmountFormat.format(token.amount), FormData.html(token.currency),
                "A".equals(token.trxType) ? "authorization" : "sale", st, id, cancelHref);
        send(exchange, 200, html);
    }

    private void pay(HttpExchange exchange, Map<String, String> params) throws IOException {
        SecureTokens.Token token = usableToken(exchange, params, tokens::begin);
        if (token == null) {
            return;
        }
        NvpResponse response;
        try {
            Map<String, String> fields = new LinkedHashMap<>(token.fields);
            fields.put("TENDER", "C");
            fields.put("ACCT", digits(params.get("ACCT")));
            fields.put("EXPDATE", params.getOrDefault("EXPDATE", "").strip());
            fields.put("CVV2", params.getOrDefault("CVV2", "").strip());
            PayflowCall call = new PayflowCall(new NvpRequest(fields), token.account,
                    "HOSTED" + UUID.randomUUID().toString().replace("-", "").substring(0, 26));
            response = cardTransactions.process(call);
        } finally {
            // the card number leaves scope here; only the ledger's last four digits remain
            params.remove("ACCT");
            params.remove("CVV2");
        }
        tokens.finish(token, response.resultCode());
        Map<String, String> result = resultFields(token, response);
        boolean approved = PayflowResult.leavesAuthorization(response.resultCode());
        log.accept("hosted page SECURETOKENID=" + token.secureTokenId + " -> RESULT=" + response.resultCode()
                + " PNREF=" + response.get("PNREF"));
        String silentPostUrl = token.field("SILENTPOSTURL");
        if (silentPostUrl != null && !silentPostUrl.isEmpty()) {
            silentPoster.post(silentPostUrl, result);
        }
        String target = approved ? token.field("RETURNURL") : token.field("ERRORURL");
        if (target == null || target.isEmpty()) {
            error(exchange, response.resultCode(), response.get("RESPMSG"));
            return;
        }
        redirect(exchange, FormData.appendQuery(target, result));
    }

    private void cancel(HttpExchange exchange, Map<String, String> params) throws IOException {
        SecureTokens.Token token = usableToken(exchange, params, tokens::usability);
        if (token == null) {
            return;
        }
        tokens.cancel(token);
        String target = token.field("CANCELURL");
        if (target == null || target.isEmpty()) {
            send(exchange, 200, "<!DOCTYPE html><html><body><p id=\"cancelled\">Cancelled</p></body></html>");
            return;
        }
        redirect(exchange, FormData.appendQuery(target,
                orderedOf("SECURETOKEN", token.secureToken, "SECURETOKENID", token.secureTokenId)));
    }

    private static Map<String, String> resultFields(SecureTokens.Token token, NvpResponse response) {
        Map<String, String> out = new LinkedHashMap<>(response.pairs());
        out.putIfAbsent("AMT", AmountFormat.format(token.amount));
        out.put("CURRENCY", token.currency);
        out.put("TRXTYPE", token.trxType);
        out.put("TYPE", token.trxType);
        out.put("TENDER", "CC");
        out.put("METHOD", "CC");
        copy(token, out, "INVNUM");
        copy(token, out, "CUSTREF");
        out.put("SECURETOKEN", token.secureToken);
        out.put("SECURETOKENID", token.secureTokenId);
        return out;
    }

    private static void copy(SecureTokens.Token token, Map<String, String> out, String name) {
        String value = token.field(name);
        if (value != null && !value.isEmpty()) {
            out.putIfAbsent(name, value);
        }
    }

    private static String digits(String acct) {
        return acct == null ? "" : acct.replaceAll("[\\s-]", "");
    }

    private static Map<String, String> orderedOf(String n1, String v1, String n2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(n1, v1);
        m.put(n2, v2);
        return m;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void error(HttpExchange exchange, int result, String message) throws IOException {
        send(exchange, 400, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>PayPal emulator - error</title></head>
                <body><h1>This payment cannot be completed</h1>
                <p>RESULT <span id="result">%d</span>: <span id="respmsg">%s</span></p></body></html>
                """.formatted(result, FormData.html(message)));
    }

    static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
