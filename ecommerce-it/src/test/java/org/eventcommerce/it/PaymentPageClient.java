package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for redirect payments: a cookie-keeping HTTP client that never follows redirects, so a
 * test sees (and checks) every hop between the payment page, PayPal's pages on the emulator and our return endpoints.
 * URLs whose host is the application's public URL are rewritten to the deployed base.
 */
final class PaymentPageClient {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"payment\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    PaymentPageClient(URI base) {
        this.base = base;
    }

    /** One answer: status, Location (resolved, rewritten to the deployed base) and body. */
    record Hop(int status, URI location, String body) {
    }

    /** The application's URL for {@code url} (its path and query on the deployed base). */
    URI local(URI url) {
        if (url.getPort() == 18089 || url.getPort() == Integer.getInteger("it.emulator.port", 18089)) {
            return url;
        }
        String pathAndQuery = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return base.resolve(pathAndQuery.substring(1));
    }

    Hop get(URI url) {
        return send(HttpRequest.newBuilder(local(url)).GET().build(), url);
    }

    Hop post(URI url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(local(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), url);
    }

    /** GET, following redirects within the application (303/302 to our own pages), returning the last answer. */
    Hop follow(URI url) {
        Hop hop = get(url);
        for (int i = 0; i < 5 && hop.location() != null && hop.location().getPort() != 18089; i++) {
            hop = get(hop.location());
        }
        return hop;
    }

    /**
     * Opens the payment page {@code pageUrl} and clicks the submit button {@code button} of its form (a full JSF
     * post of the stateless view).
     */
    Hop click(URI pageUrl, String button) {
        Form form = form(pageUrl);
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("payment:" + button, "");
        return post(form.action(), fields);
    }

    /**
     * The payment page's form as a browser holds it after opening {@code pageUrl}: where it posts, and its fields
     * (the form's own, {@code order}, {@code sig}, the {@code total} shown, the view state).
     */
    record Form(URI action, Map<String, String> fields) {
    }

    /** Opens the payment page {@code pageUrl} and reads its form. */
    Form form(URI pageUrl) {
        Hop page = follow(pageUrl);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher form = FORM.matcher(page.body());
        assertThat(form.find()).as("payment form on " + page.body()).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).isTrue();
        Matcher state = VIEW_STATE.matcher(page.body());
        assertThat(state.find()).as("view state").isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payment", "payment");
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(order|sig|total)\" value=\"([^\"]*)\"")
                .matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("jakarta.faces.ViewState", unescape(state.group(1)));
        return new Form(base.resolve(unescape(action.group(1))), fields);
    }

    /**
     * Posts the card form with a card as the Pay button does: a PrimeFaces AJAX request ({@code Faces-Request:
     * partial/ajax}, source {@code payment:pay}, executing and rendering the form). The same {@code form} may be
     * posted again or at once from two threads (a double click, a replayed request).
     *
     * @return the partial response; its body holds the re-rendered form
     */
    Hop pay(Form form, String number, String expiry, String cvv, String holder) {
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("payment:cardNumber", number);
        fields.put("payment:cardExpiry", expiry);
        fields.put("payment:cardCvv", cvv);
        fields.put("payment:cardHolder", holder);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "payment:pay");
        fields.put("jakarta.faces.partial.execute", "payment");
        fields.put("jakarta.faces.partial.render", "payment");
        fields.put("payment:pay", "payment:pay");
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(local(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                form.action());
    }

    /** Decides on the emulator's approval page: {@code approve} or {@code cancel}. Returns the 302 to our site. */
    Hop decide(URI approvalPage, String decision) {
        Hop shown = get(approvalPage);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"" + decision + "\"");
        String token = query(approvalPage, "token");
        if (approvalPage.getPath().equals("/payflow-ec/checkout")) {
            // Express Checkout through Payflow (§1.9): the emulator's page posts "decision" and answers 303.
            Hop decided = post(approvalPage.resolve("/payflow-ec/checkout"), Map.of("token", token, "decision",
                    decision));
            assertThat(decided.status()).as(decided.body()).isEqualTo(303);
            return decided;
        }
        Hop decided = post(approvalPage.resolve("/cgi-bin/webscr"), Map.of("cmd", "_express-checkout", "token", token,
                "action", decision));
        assertThat(decided.status()).isEqualTo(302);
        return decided;
    }

    /** The value of query parameter {@code name} of {@code url}, decoded, or null. */
    static String query(URI url, String name) {
        if (url.getRawQuery() == null) {
            return null;
        }
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Hop send(HttpRequest request, URI asked) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            URI location = r.headers().firstValue("Location").map(l -> request.uri().resolve(l)).orElse(null);
            return new Hop(r.statusCode(), location, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
