package org.eventcommerce.emulator.express;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-side classic NVP client: hand-written URL-encoded bodies over java.net.http, answers decoded with the JDK's
 * URLDecoder. It shares nothing with the emulator's {@link FormCodec} nor with the project's connector.
 */
final class NvpTestClient {

    /** The emulator's default platform credentials, URL-encoded, and the default US merchant as SUBJECT. */
    static final String CREDENTIALS = "VERSION=124.0&USER=platform_api1.demo.example&PWD=EMULATOR7Q4K2W9D"
            + "&SIGNATURE=Emulator-Signature.AFcWxV21C7fd0v3bYYYRCpSSRl31A&SUBJECT=merchant%40demo.example";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    NvpTestClient(URI base) {
        this.base = base;
    }

    /** POSTs {@code body} (already URL-encoded) to /nvp and decodes the answer. */
    Map<String, String> call(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/nvp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return decode(response.body());
    }

    /** The raw answer text of an NVP call. */
    String raw(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/nvp")).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A call with the default credentials: {@code METHOD=method&CREDENTIALS&rest}. */
    Map<String, String> call(String method, String rest) throws IOException, InterruptedException {
        return call("METHOD=" + method + "&" + CREDENTIALS + (rest.isEmpty() ? "" : "&" + rest));
    }

    /** SetExpressCheckout of {@code amt} {@code currency}; returns the TOKEN (asserting success). */
    String setUp(String amt, String currency, String action) throws IOException, InterruptedException {
        Map<String, String> answer = call("SetExpressCheckout", "PAYMENTREQUEST_0_AMT=" + amt
                + "&PAYMENTREQUEST_0_CURRENCYCODE=" + currency + "&PAYMENTREQUEST_0_PAYMENTACTION=" + action
                + "&RETURNURL=https%3A%2F%2Fshop.example%2Freturn%3Forder%3D7"
                + "&CANCELURL=https%3A%2F%2Fshop.example%2Fcancel%3Forder%3D7&PAYMENTREQUEST_0_DESC=Workshop");
        if (!"Success".equals(answer.get("ACK"))) {
            throw new AssertionError("SetExpressCheckout failed: " + answer);
        }
        return answer.get("TOKEN");
    }

    /** DoExpressCheckoutPayment of the demo buyer. */
    Map<String, String> pay(String token, String amt, String currency, String action, String msgSubId)
            throws IOException, InterruptedException {
        return call("DoExpressCheckoutPayment", "TOKEN=" + token + "&PAYERID=DEMOBUYER0001&PAYMENTREQUEST_0_AMT=" + amt
                + "&PAYMENTREQUEST_0_CURRENCYCODE=" + currency + "&PAYMENTREQUEST_0_PAYMENTACTION=" + action
                + (msgSubId == null ? "" : "&MSGSUBID=" + msgSubId));
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The buyer presses "approve" on the page; returns the Location. */
    String approve(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("/cgi-bin/webscr", "cmd=_express-checkout&token=" + token
                + "&action=approve");
        if (response.statusCode() != 302) {
            throw new AssertionError("approve: HTTP " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    HttpResponse<String> control(String pathAndQuery) throws IOException, InterruptedException {
        return postForm("/control/ec/" + pathAndQuery, "");
    }

    static Map<String, String> decode(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
