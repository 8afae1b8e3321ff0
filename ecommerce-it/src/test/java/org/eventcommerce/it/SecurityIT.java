package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 "Security", over HTTP on the deployed WAR: security headers, the session cookie's flags, a new session
 * at sign-in (fixation), sign-in throttling, a form post without the view's state changes nothing (CSRF), and
 * promotion-code guessing throttled per attendee e-mail with {@code /problems/too-many-attempts} (429,
 * {@code Retry-After}, status line {@code 429 Too Many Requests}) and shown to the administrator, counted per site
 * (the second demo site, {@code ECOMMERCE_DEMO_SECOND_SITE=true}: guesses there never block the first site and are
 * seen by the second site's administrator only), and per attendee on quotes too ({@code attendee}). The limits are
 * the defaults: 10 failures per subject in 15 minutes (100 per API key). Every case uses its own e-mails, so other
 * test classes are not blocked.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class SecurityIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    @ArquillianResource
    URL deployed;

    private URI base;
    private ApiClient api;
    private final String run = Long.toString(System.nanoTime(), 36);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        api = new ApiClient(base, "demo-platform-key");
    }

    /** A browser-like client: its own cookies, no redirects followed. */
    private static final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET().build());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private HttpResponse<String> send(HttpRequest r) {
            try {
                return http.send(r, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Opens the sign-in page and posts {@code email}/{@code password} with the page's view state. */
    private HttpResponse<String> signIn(Client c, String email, String password) {
        HttpResponse<String> page = c.get(base.resolve("login.xhtml"));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher state = VIEW_STATE.matcher(page.body());
        assertThat(state.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", state.group(1).replace("&amp;", "&"));
        return c.post(base.resolve("login.xhtml"), form);
    }

    /**
     * A JSON object with a key twice is refused (which value counted would be a guess); a forged "stateless" view
     * state is a 400 page, not a server error; an API body announced over 2 MiB is a 413 before it is read; the
     * recipient file also comes as a multipart upload (API.md). Control characters: FuzzIT.
     */
    @Test
    void duplicateKeysForgedViewStatesAndHugeBodiesAreRefusedNeverAServerError() throws Exception {
        ApiClient.Answer twice = api.post("api/v1/orders", """
                {"offering": "live-keynote", "offering": "java-workshop",
                 "attendee": {"email": "twice-%s@example.org", "name": "Twice"}}""".formatted(run));
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("names a field twice");

        // Two Content-Type headers: refused by the container before JAX-RS; the API still answers a problem, not
        // the portal's HTML error page (fresh-user trial).
        HttpResponse<String> twoTypes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("api/v1/orders")).header("Authorization", "Bearer demo-platform-key")
                .header("Content-Type", "application/json").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(twoTypes.statusCode()).as(twoTypes.body()).isBetween(400, 499);
        assertThat(twoTypes.headers().firstValue("Content-Type").orElse("")).as(twoTypes.body())
                .startsWith("application/problem+json");
        assertThat(twoTypes.body()).contains("\"status\":" + twoTypes.statusCode());

        Client c = new Client();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("login", "login");
        forged.put("login:email", "admin@demo.example");
        forged.put("login:password", "admin-demo-1");
        forged.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> stateless = c.post(base.resolve("login.xhtml"), forged);
        assertThat(stateless.statusCode()).isEqualTo(400);
        assertThat(stateless.body()).contains("errorTitle");

        // A body announced larger than 2 MiB is refused before it is read (so it is never sent here).
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + base.getRawPath() + "api/v1/orders HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nAuthorization: Bearer demo-platform-key\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 3145728\r\nConnection: close\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while (!answer.toString().contains("\"status\":413") && (n = socket.getInputStream().read(buffer)) > 0) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // what arrived is the answer
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"field\":\"body\"");
        }

        String boundary = "----ecommerce" + run;
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nana@example.org,Ana\r\nbob@example.org,Bob\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = c.send(HttpRequest.newBuilder(base.resolve("api/v1/promotion-codes/recipients"))
                .header("Authorization", "Bearer demo-platform-key")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(upload.body()).contains("\"email\":\"ana@example.org\"", "\"email\":\"bob@example.org\"");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Client c = new Client();
        for (String path : new String[] {"login.xhtml", "index.xhtml", "api/v1/settings"}) {
            HttpResponse<String> r = c.get(base.resolve(path));
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v -> assertThat(v)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            // Plain HTTP here: no HSTS (a browser ignores it over HTTP anyway).
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
        // Behind a TLS proxy that says so: HSTS.
        HttpResponse<String> proxied = c.send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("X-Forwarded-Proto", "https").GET().build());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
        // The payment page is never cached.
        JsonHelper order = new JsonHelper(new TestOrders(api).place("live-keynote", "headers-" + run));
        URI link = URI.create(order.paymentPageUrl());
        HttpResponse<String> pay = c.get(base.resolve(link.getRawPath().substring(1) + "?" + link.getRawQuery()));
        assertThat(pay.statusCode()).isIn(200, 302, 303);
        assertThat(pay.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndIsReplacedAtSignIn() {
        Client c = new Client();
        HttpResponse<String> page = c.get(base.resolve("login.xhtml"));
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String before = c.session();
        assertThat(before).isNotBlank();

        HttpResponse<String> signedIn = signIn(c, "admin@demo.example", "admin-demo-1");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        String after = c.session();
        assertThat(after).isNotBlank().isNotEqualTo(before);
        // The new session is signed in; the old id is worth nothing.
        assertThat(c.get(base.resolve("admin/ecommerce.xhtml")).statusCode()).isEqualTo(200);
        Client attacker = new Client();
        attacker.cookies.getCookieStore().add(base, cookie(before));
        HttpResponse<String> stolen = attacker.get(base.resolve("admin/ecommerce.xhtml"));
        assertThat(stolen.statusCode()).isNotEqualTo(200);
    }

    private HttpCookie cookie(String value) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    @Test
    void signInIsRefusedForAWhileAfterTooManyFailures() {
        String email = "nobody-" + run + "@demo.example";
        Client c = new Client();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = signIn(c, email, "wrong-" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Wrong e-mail or password.");
        }
        HttpResponse<String> blocked = signIn(c, email, "wrong-again");
        assertThat(blocked.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
    }

    @Test
    void aFormPostWithoutTheViewStateChangesNothing() {
        Client c = new Client();
        assertThat(signIn(c, "admin@demo.example", "admin-demo-1").statusCode()).isIn(302, 303);
        String merchantBefore = api.get("api/v1/settings").json().getString("merchantName");
        // A cross-site page can make the browser post the settings form, but cannot read our view state.
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("settings", "settings");
        forged.put("settings:merchantName", "Forged " + run);
        forged.put("settings:update", "");
        forged.put("jakarta.faces.ViewState", "-1234567890:987654321");
        c.post(base.resolve("admin/ecommerce.xhtml"), forged);
        forged.remove("jakarta.faces.ViewState");
        c.post(base.resolve("admin/ecommerce.xhtml"), forged);
        assertThat(api.get("api/v1/settings").json().getString("merchantName")).isEqualTo(merchantBefore);
    }

    @Test
    void guessingPromotionCodesIsThrottledPerAttendeeAndShownToTheAdministrator() {
        assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        String code = ("SEC" + run).toUpperCase();
        ApiClient.Answer created = api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                 "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "%s", "appliesTo": "ALL",
                 "sendEmail": false}""".formatted(code, LocalDate.now().plusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String guesser = "guesser-" + run + "@example.com";
        for (int i = 0; i < 10; i++) {
            ApiClient.Answer a = order(guesser, "NOPE" + run.toUpperCase() + i);
            assertThat(a.status()).as(a.body()).isEqualTo(422);
            assertThat(a.json().getString("type")).isEqualTo("/problems/promotion-code-unknown");
        }
        // The eleventh is refused before the code is looked up: even the right code.
        ApiClient.Answer blocked = order(guesser, code);
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.json().getString("type")).isEqualTo("/problems/too-many-attempts");
        assertThat(blocked.json().getString("detail"))
                .isEqualTo("Too many promotion codes that do not exist were tried. Try again in 15 minutes.");
        assertThat(retryAfter(guesser, code)).isBetween(800L, 900L);
        // The status line carries the standard reason phrase (a fresh-user trial read "HTTP/1.1 429 CUSTOM").
        assertThat(statusLine("POST", "api/v1/orders", """
                {"offering": "live-keynote", "attendee": {"email": "%s", "name": "Gus"}, "promotionCode": "%s"}"""
                .formatted(guesser, code))).isEqualTo("HTTP/1.1 429 Too Many Requests");
        // And a promotion-code problem's 422 its own phrase.
        assertThat(statusLine("GET", quote("live-keynote", "NOPE" + run.toUpperCase() + "X",
                "phrase-" + run + "@example.com"), null)).isEqualTo("HTTP/1.1 422 Unprocessable Content");
        // Another attendee through the same API key is not blocked (the key's own limit is 100).
        ApiClient.Answer other = order("honest-" + run + "@example.com", code);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(other.json().getJsonObject("discount").getString("amount")).isEqualTo("2.50");

        // The administrator sees the attempts: code tried and who.
        Client admin = new Client();
        assertThat(signIn(admin, "admin@demo.example", "admin-demo-1").statusCode()).isIn(302, 303);
        String page = admin.get(base.resolve("admin/promotion-codes/failed-attempts.xhtml")).body();
        assertThat(page).contains("NOPE" + run.toUpperCase() + "9", guesser);
    }

    /**
     * Issue 5, fresh-user trial: ten bad codes for one e-mail on one site made another site refuse that e-mail's
     * valid code (429) while the other site's administrator saw nothing. Every subject is counted per site.
     */
    @Test
    void guessesOnOneSiteNeitherBlockNorShowOnAnother() {
        ApiClient second = new ApiClient(base, "second-platform-key");
        String secondCode = secondSiteCode(second, "ISO");
        String firstCode = firstSiteCode("ISO");
        String victim = "victim-" + run + "@example.com";
        String guess = "GUESS" + run.toUpperCase();
        for (int i = 0; i < 10; i++) {
            ApiClient.Answer a = order(second, "second-webinar", victim, guess + i);
            assertThat(a.status()).as(a.body()).isEqualTo(422);
            assertThat(a.json().getString("type")).isEqualTo("/problems/promotion-code-unknown");
        }
        ApiClient.Answer blocked = order(second, "second-webinar", victim, secondCode);
        assertThat(blocked.status()).as("blocked on the site guessed on: " + blocked.body()).isEqualTo(429);

        // The first site takes the same e-mail's valid code, by quote and by order, and counts its own misses.
        ApiClient.Answer quoted = api.get(quote("live-keynote", firstCode, victim));
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);
        assertThat(quoted.json().getJsonObject("discount").getString("amount")).isEqualTo("2.50");
        ApiClient.Answer ordered = order(api, "live-keynote", victim, firstCode);
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        assertThat(ordered.json().getJsonObject("discount").getString("amount")).isEqualTo("2.50");
        String elsewhere = "ELSE" + run.toUpperCase();
        ApiClient.Answer miss = order(api, "live-keynote", "other-" + victim, elsewhere);
        assertThat(miss.status()).as(miss.body()).isEqualTo(422);
        assertThat(miss.json().getString("type")).isEqualTo("/problems/promotion-code-unknown");

        // Each administrator sees the own site's attempts only.
        Client secondAdmin = new Client();
        assertThat(signIn(secondAdmin, "admin@second.example", "admin-second-1").statusCode()).isIn(302, 303);
        String secondPage = secondAdmin.get(base.resolve("admin/promotion-codes/failed-attempts.xhtml")).body();
        assertThat(secondPage).contains(guess + "9", victim).doesNotContain(elsewhere);
        Client firstAdmin = new Client();
        assertThat(signIn(firstAdmin, "admin@demo.example", "admin-demo-1").statusCode()).isIn(302, 303);
        String firstPage = firstAdmin.get(base.resolve("admin/promotion-codes/failed-attempts.xhtml")).body();
        assertThat(firstPage).contains(elsewhere, "other-" + victim).doesNotContain(guess);
    }

    /**
     * Issue 5, fresh-user trial: {@code GET /api/v1/quotes} counted only the API key (100), so one user could make
     * the site refuse every code to everybody. With {@code attendee}, a quote counts that e-mail (10) like an order.
     */
    @Test
    void aQuoteForAnAttendeeCountsThatAttendeesGuesses() {
        ApiClient second = new ApiClient(base, "second-platform-key");
        String code = secondSiteCode(second, "QUO");
        String guesser = "quoter-" + run + "@example.com";
        for (int i = 0; i < 10; i++) {
            ApiClient.Answer a = second.get(quote("second-webinar", "MISS" + run.toUpperCase() + i, guesser));
            assertThat(a.status()).as(a.body()).isEqualTo(422);
            assertThat(a.json().getString("type")).isEqualTo("/problems/promotion-code-unknown");
        }
        ApiClient.Answer blocked = second.get(quote("second-webinar", code, guesser));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
        assertThat(blocked.json().getString("type")).isEqualTo("/problems/too-many-attempts");
        // The same e-mail cannot order with a code either: one person, one count.
        assertThat(order(second, "second-webinar", guesser, code).status()).isEqualTo(429);
        // Everybody else still gets the code, with or without an attendee.
        ApiClient.Answer other = second.get(quote("second-webinar", code, "honest-quoter-" + run + "@example.com"));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().getJsonObject("discount").getString("amount")).isEqualTo("1.20");
        assertThat(second.get("api/v1/quotes?offering=second-webinar&promotionCode=" + code).status()).isEqualTo(200);
        // An attendee that is not an e-mail is a validation problem naming the parameter.
        ApiClient.Answer bad = second.get("api/v1/quotes?offering=second-webinar&promotionCode=" + code
                + "&attendee=not-an-email");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("attendee");
    }

    private static String quote(String offering, String code, String attendee) {
        return "api/v1/quotes?offering=" + offering + "&promotionCode=" + code + "&attendee="
                + URLEncoder.encode(attendee, StandardCharsets.UTF_8);
    }

    /** Enables promotion codes on the second site and creates an unlimited 10 % code there; returns it. */
    private String secondSiteCode(ApiClient second, String prefix) {
        assertThat(second.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        return createCode(second, prefix);
    }

    /** Enables promotion codes on the first site and creates an unlimited 10 % code there; returns it. */
    private String firstSiteCode(String prefix) {
        assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        return createCode(api, prefix);
    }

    private String createCode(ApiClient client, String prefix) {
        String code = (prefix + run).toUpperCase();
        ApiClient.Answer created = client.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                 "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "%s", "appliesTo": "ALL",
                 "sendEmail": false}""".formatted(code, LocalDate.now().plusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static ApiClient.Answer order(ApiClient client, String offering, String email, String code) {
        return client.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Vic"}, "promotionCode": "%s"}"""
                .formatted(offering, email, code));
    }

    /**
     * The status line of one HTTP/1.1 request with the first site's key over a plain socket (HttpClient hides the
     * reason phrase); {@code json} null for a GET.
     */
    private String statusLine(String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + base.getRawPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: Bearer demo-platform-key\r\nAccept: application/json\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.ISO_8859_1));
            return in.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Card testing: trying card numbers on one order until one passes. After ten declines (the default of
     * {@code ecommerce.throttle.card-declines.failures}) in an hour the order refuses card payments with
     * {@code /problems/too-many-attempts}: nothing recorded, nothing sent to PayPal; the payment page says so; a
     * typo still gets its field message; other orders pay as usual.
     */
    @Test
    void cardTestingOnOneOrderIsStoppedAfterTenDeclines() {
        TestOrders orders = new TestOrders(api);
        JsonObject order = orders.place(orders.offering("cardtest", "Card testing", "1012.00", "USD"), "tester");
        String pay = "api/v1/orders/" + order.getString("id") + "/payments";
        String card = "{\"card\": {\"number\": \"%s\", \"expiry\": \"1230\", \"cvv\": \"123\", \"holder\": \"Tess\"}}";
        for (int i = 0; i < 10; i++) {
            ApiClient.Answer declined = api.post(pay, card.formatted("4111111111111111"), "ct-" + run + "-" + i);
            assertThat(declined.status()).as(declined.body()).isEqualTo(201);
            assertThat(declined.json().getJsonObject("transaction").getString("status")).isEqualTo("DECLINED");
        }
        int ledger = EmulatorExtension.emulator().transactions().size();
        ApiClient.Answer blocked = api.post(pay, card.formatted("5555555555554444"), "ct-" + run + "-10");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.json().getString("type")).isEqualTo("/problems/too-many-attempts");
        assertThat(blocked.json().getString("detail")).isEqualTo("Too many card payments were declined for this "
                + "order. Try again in 60 minutes, or contact the organizer.");
        // A mistyped number is still told on its field (the card's own checks come first).
        ApiClient.Answer typo = api.post(pay, card.formatted("4111111111111112"), "ct-" + run + "-11");
        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("card.number");
        // The payment page refuses too, with the message.
        PaymentPageClient browser = new PaymentPageClient(base);
        PaymentPageClient.Form form = browser.form(URI.create(order.getString("paymentPageUrl")));
        assertThat(browser.pay(form, "4111111111111111", "12/30", "123", "Tess").body())
                .contains("Too many card payments were declined for this order.");
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger);
        assertThat(orders.now(order).getJsonArray("transactions")).hasSize(10);
        // Another order pays as usual.
        JsonObject other = orders.place(orders.offering("cardok", "Card fine", "30.00", "USD"), "honest");
        ApiClient.Answer paid = api.post("api/v1/orders/" + other.getString("id") + "/payments",
                card.formatted("4111111111111111"), "ct-ok-" + run);
        assertThat(paid.json().getJsonObject("transaction").getString("status")).as(paid.body())
                .isEqualTo("APPROVED");
    }

    private ApiClient.Answer order(String email, String code) {
        return api.post("api/v1/orders", """
                {"offering": "live-keynote", "attendee": {"email": "%s", "name": "Gus"}, "promotionCode": "%s"}"""
                .formatted(email, code));
    }

    /** The Retry-After seconds of a blocked order. */
    private long retryAfter(String email, String code) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("api/v1/orders"))
                    .header("Authorization", "Bearer demo-platform-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"offering": "live-keynote", "attendee": {"email": "%s", "name": "Gus"},
                             "promotionCode": "%s"}""".formatted(email, code))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(429);
            return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The few fields of an order answer used here. */
    private record JsonHelper(jakarta.json.JsonObject json) {
        String paymentPageUrl() {
            return json.getString("paymentPageUrl");
        }
    }
}
