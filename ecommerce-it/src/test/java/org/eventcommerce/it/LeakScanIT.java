package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.eventcommerce.emulator.EmulatorAccounts;
import org.eventcommerce.emulator.MerchantAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 "No secret or card data leaks", over HTTP on the deployed WAR. First every flow that touches card data or a
 * secret is driven through the API and the portal: card payments approved, declined and held with PayPal's Visa,
 * MasterCard, American Express and Discover test cards (typed plain, with spaces and with dashes), a card refused by
 * Luhn, a Luhn-valid card PayPal does not know, an authorization and its capture, refunds, the card typed on our
 * payment page, the card typed on PayPal's hosted page (with its Silent POST), Express Checkout and its refund, Payflow
 * passwords for Test and Production saved in the portal and through the API, the connection tests, and every call with
 * the API key. Each password is distinctive ({@code Leak-…-<run>}); the emulator gets accounts with them, so they
 * really travel to "PayPal".
 *
 * <p>Then everything is scanned for every secret ({@link LeakScanner}): the server's log
 * ({@code target/payara-server-0.log}, the application at FINE so the scrubbed Payflow and NVP requests are in it;
 * see payara-logging.properties; {@link ServerLog}: the server's start-up and everything written since this class
 * started, as the server is shared with the other IT classes), every value of every table (found through the JDBC
 * metadata), the HTML of every view of the built WAR opened by the person who may see it (the order and transaction
 * pages for each order and transaction of the run, the payment page of every order), every answer the flows got, and
 * the API's answers about them. Zero hits, and the message says where each hit was.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanIT {

    private static final String KEY = "demo-platform-key";
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String TEST_VENDOR = "leak" + RUN;
    private static final String PRODUCTION_VENDOR = "leakprod" + RUN;
    private static final String API_TEST_PW = "Leak-Pw-" + RUN;
    private static final String API_PRODUCTION_PW = "Leak-Prod-Pw-" + RUN;
    private static final String PORTAL_TEST_PW = "Leak-Portal-Pw-" + RUN;
    private static final String PORTAL_PRODUCTION_PW = "Leak-Portal-Prod-Pw-" + RUN;
    /** The platform's own classic API credentials of the emulator (ecommerce-it/pom.xml, ECOMMERCE_PAYPAL_API_TEST_*). */
    private static final String PLATFORM_API_PASSWORD = "EMULATOR7Q4K2W9D";
    private static final String PLATFORM_API_SIGNATURE = "Emulator-Signature.AFcWxV21C7fd0v3bYYYRCpSSRl31A";
    /** Where the IT server keeps the key that encrypts provider passwords (ECOMMERCE_DATA_DIR, SecretCipher). */
    private static final Path SECRET_KEY = Path.of("target", "it-data", "secret.key");
    /** Column names for card data: a full number, a CVV, a card expiry. */
    private static final Pattern CARD_COLUMN = Pattern.compile(
            "\\.(.*(cvv|cvc|card_?number|card_?expiry|expdate).*|acct.*|pan)$");

    /** What the flows leave for the scan (test methods share it: the Luhn case runs first). */
    private static final LeakScanner SECRETS = new LeakScanner();
    private static final Map<String, String> ANSWERS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final List<JsonObject> ORDERS = Collections.synchronizedList(new ArrayList<>());
    /** Where this class's part of the shared server's log begins ({@link ServerLog#mark()} before the first test). */
    private static ServerLog.Mark logStart;

    @ArquillianResource
    URL deployed;

    /** The order whose payment PayPal holds for review (voided after the scan). */
    private JsonObject held;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    private URI base() {
        return Deployments.loopback(deployed);
    }

    /** After Arquillian's deployment (extensions run before {@code @BeforeAll}): the lines of this class follow. */
    @BeforeAll
    static void markTheLog() {
        logStart = ServerLog.mark();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Luhn before any provider call

    @Test
    @Order(1)
    void aCardFailingLuhnIsRefusedOnItsFieldAndNeverReachesPayPal() {
        configurePayflow();
        // A Luhn-valid number PayPal does not know reaches the emulator and is refused there (RESULT 23): the ledger
        // does record what it is sent, so its silence below means nothing was sent.
        String unknown = "4000 0000 0000 0002";
        SECRETS.card("4000000000000002");
        JsonObject control = place(offering("luhn-control", "13.58"), "luhn-control-" + RUN + "@example.com");
        int before = ledger().size();
        JsonObject sent = paid(control, unknown, "123", "luhn-control");
        assertThat(sent.getJsonObject("transaction").getString("status")).isEqualTo("DECLINED");
        assertThat(sent.getJsonObject("transaction").getString("result")).isEqualTo("23");
        assertThat(ledger()).hasSize(before + 1);
        assertThat(ledger().getLast()).contains("AMT=13.58", "RESULT=23");

        // Through the API: 400 on card.number, nothing recorded, nothing sent.
        String badApi = "4111 1111 1111 1112";
        SECRETS.card("4111111111111112");
        JsonObject order = place(offering("luhn-api", "13.57"), "luhn-api-" + RUN + "@example.com");
        ApiClient.Answer refused = call("POST", "api/v1/orders/" + order.getString("id") + "/payments",
                card(badApi, "123"), "luhn-api-" + RUN);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("card.number");
        assertThat(error.getString("message"))
                .isEqualTo("Enter a valid card number (digits only, checked with the Luhn rule).");
        assertThat(api().get("api/v1/orders/" + order.getString("id")).json().getJsonArray("transactions")).isEmpty();

        // On the payment page: the message next to the card field, nothing sent.
        String badPage = "6011-1111-1111-1118";
        SECRETS.card("6011111111111118");
        JsonObject pageOrder = place(offering("luhn-page", "13.59"), "luhn-page-" + RUN + "@example.com");
        String answer = payOnOurPage(pageOrder, badPage, "321");
        assertThat(answer).contains("Enter a valid card number (digits only, checked with the Luhn rule).")
                .contains("payment:cardNumberMessage");
        assertThat(api().get("api/v1/orders/" + pageOrder.getString("id")).json().getJsonArray("transactions"))
                .isEmpty();

        List<String> after = ledger();
        assertThat(after).as("the emulator's ledger after the refused cards").hasSize(before + 1);
        assertThat(after).noneMatch(l -> l.contains("AMT=13.57") || l.contains("AMT=13.59"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Every flow, then the scan

    @Test
    @Order(2)
    void noCardNumberCvvPasswordOrKeyIsInTheLogTheDatabaseOrAnyPage() throws Exception {
        SECRETS.secret("the Test password saved through the API", API_TEST_PW)
                .secret("the Production password saved through the API", API_PRODUCTION_PW)
                .secret("the Test password saved in the portal", PORTAL_TEST_PW)
                .secret("the Production password saved in the portal", PORTAL_PRODUCTION_PW)
                .secret("the platform API key", KEY)
                .secret("the platform's PayPal API password", PLATFORM_API_PASSWORD)
                .secret("the platform's PayPal API signature", PLATFORM_API_SIGNATURE)
                .secret("the key that encrypts provider passwords", secretKey())
                .secret("the site administrator's sign-in password", "admin-demo-1")
                .secret("the host's sign-in password", "host-demo-1")
                .secret("the attendee's sign-in password", "attendee-demo-1")
                .secret("the second site's API key", "second-platform-key")
                .secret("the second site's administrator's sign-in password", "admin-second-1")
                .secret("the second site's host's sign-in password", "host-second-1")
                .secret("the second site's attendee's sign-in password", "attendee-second-1")
                .secret("the demo merchant's Payflow password (Test)", EmulatorAccounts.PWD)
                .secret("the demo merchant's Payflow password (Production)", "live-pw-123");
        try {
            credentialsInThePortalAndThroughTheApi();
            cardPaymentsThroughTheApi();
            cardsTypedOnOurPaymentPage();
            cardTypedOnPayPalsHostedPage();
            expressCheckoutAndItsRefund();
            // The reconciler asks PayPal about the payment held for review: an inquiry with the Payflow password.
            ApiClient.Answer reconciled = call("POST", "api/v1/reconciliation/runs", "", null);
            assertThat(reconciled.status()).as(reconciled.body()).isEqualTo(200);
            assertThat(reconciled.json().getInt("taken")).as(reconciled.body()).isGreaterThanOrEqualTo(1);
        } finally {
            restoreDemoProvider();
        }
        List<String> hits = new ArrayList<>();
        hits.addAll(scanServerLog());
        hits.addAll(scanDatabase());
        hits.addAll(scanPages());
        // The payment held for review is voided, so it does not stay on the held-payments page of later classes.
        ApiClient.Answer voided = api().post("api/v1/orders/" + held.getString("id") + "/voids", "", "void-" + RUN);
        assertThat(voided.status()).as(voided.body()).isEqualTo(201);
        assertThat(hits).as("secrets found (%d)", hits.size()).isEmpty();
    }

    /** Payflow passwords for Test and Production: portal form with its connection test, then the API with its. */
    private void credentialsInThePortalAndThroughTheApi() {
        EmulatorAccounts accounts = EmulatorExtension.emulator().accounts();
        accounts.register(new MerchantAccount("PayPal", TEST_VENDOR, TEST_VENDOR, PORTAL_TEST_PW));
        accounts.register(new MerchantAccount("PayPal", PRODUCTION_VENDOR, PRODUCTION_VENDOR, PORTAL_PRODUCTION_PW));
        accounts.register(new MerchantAccount("PayPal", TEST_VENDOR, TEST_VENDOR, API_TEST_PW));
        accounts.register(new MerchantAccount("PayPal", PRODUCTION_VENDOR, PRODUCTION_VENDOR, API_PRODUCTION_PW));
        configurePayflow();

        PortalSession admin = signedIn("admin@demo.example", "admin-demo-1");
        PortalSession.Page page = admin.open("admin/ecommerce.xhtml");
        assertThat(page.status()).isEqualTo(200);
        List<Map.Entry<String, String>> form = PortalSession.fields(page.body(), "settings");
        form = PortalSession.with(form, "settings:testPartnerId", "PayPal");
        form = PortalSession.with(form, "settings:testVendor", TEST_VENDOR);
        form = PortalSession.with(form, "settings:testUser", TEST_VENDOR);
        form = PortalSession.with(form, "settings:testPassword", PORTAL_TEST_PW);
        form = PortalSession.with(form, "settings:prodPartnerId", "PayPal");
        form = PortalSession.with(form, "settings:prodVendor", PRODUCTION_VENDOR);
        form = PortalSession.with(form, "settings:prodUser", PRODUCTION_VENDOR);
        form = PortalSession.with(form, "settings:prodPassword", PORTAL_PRODUCTION_PW);
        form.add(Map.entry("settings:update", ""));
        PortalSession.Page saved = admin.post(action(page.body(), "settings"), form);
        assertThat(saved.body()).as(saved.body()).contains("Settings saved.");
        // Save and test connection (Test mode, the stored password: the field is left empty as a browser shows it).
        List<Map.Entry<String, String>> again = PortalSession.fields(saved.body(), "settings");
        again.add(Map.entry("settings:testConnection", ""));
        PortalSession.Page tested = admin.post(action(saved.body(), "settings"), again);
        assertThat(tested.body()).contains("The connection works: PayPal accepted the Test mode credentials.");

        // The API: both sets with other passwords, and both connection tests.
        configure("""
                {"provider": {"credentials": {
                  "TEST": {"partnerId": "PayPal", "vendor": "%s", "user": "%s", "password": "%s"},
                  "PRODUCTION": {"partnerId": "PayPal", "vendor": "%s", "user": "%s", "password": "%s"}}}}"""
                .formatted(TEST_VENDOR, TEST_VENDOR, API_TEST_PW, PRODUCTION_VENDOR, PRODUCTION_VENDOR,
                        API_PRODUCTION_PW));
        for (String mode : List.of("TEST", "PRODUCTION")) {
            ApiClient.Answer t = call("POST", "api/v1/settings/connection-test?mode=" + mode, "", null);
            assertThat(t.status()).as(t.body()).isEqualTo(200);
            assertThat(t.json().getBoolean("ok")).as(t.body()).isTrue();
        }
        assertThat(call("GET", "api/v1/settings", null, null).body()).contains(TEST_VENDOR, PRODUCTION_VENDOR);
    }

    /** Approved, declined and held payments by card through the API, an authorization and its capture, refunds. */
    private void cardPaymentsThroughTheApi() {
        record Case(String fee, String number, String cvv, String expected) {
        }
        List<Case> cases = List.of(
                new Case("21.00", "4111111111111111", "123", "APPROVED"),
                new Case("22.00", "5555 5555 5555 4444", "234", "APPROVED"),
                new Case("23.00", "3782-822463-10005", "3456", "APPROVED"),
                new Case("24.00", "6011 0009 9013 9424", "456", "APPROVED"),
                new Case("1012.00", "4012-8888-8888-1881", "567", "DECLINED"),
                new Case("1126.00", "5105105105105100", "678", "HELD"));
        List<JsonObject> approved = new ArrayList<>();
        int i = 0;
        for (Case c : cases) {
            SECRETS.card(c.number().replaceAll("[ -]", ""));
            // The demo attendee pays some of them, so "My access" and the host's pages show this run's offerings.
            String who = i++ % 2 == 0 ? "attendee@demo.example" : "card-" + i + "-" + RUN + "@example.com";
            JsonObject order = place(offering("card-" + i, c.fee()), who);
            JsonObject answer = paid(order, c.number(), c.cvv(), "card-" + i);
            assertThat(answer.getJsonObject("transaction").getString("status")).as(answer.toString())
                    .isEqualTo(c.expected());
            if (c.expected().equals("APPROVED")) {
                approved.add(order);
            } else if (c.expected().equals("HELD")) {
                held = order;
            }
        }
        // Refunds: part of the first payment, all of the second.
        ApiClient.Answer part = call("POST", "api/v1/orders/" + approved.get(0).getString("id") + "/refunds",
                "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}", "refund-part-" + RUN);
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        ApiClient.Answer all = call("POST", "api/v1/orders/" + approved.get(1).getString("id") + "/refunds", "",
                "refund-all-" + RUN);
        assertThat(all.status()).as(all.body()).isEqualTo(201);
        assertThat(all.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");

        // Authorize now, capture later.
        configure("{\"paymentAction\": \"AUTHORIZATION\"}");
        try {
            SECRETS.card("2223000048400011");
            JsonObject order = place(offering("authorize", "25.50"), "authorize-" + RUN + "@example.com");
            JsonObject answer = paid(order, "2223 0000 4840 0011", "789", "authorize");
            assertThat(answer.getJsonObject("order").getString("status")).isEqualTo("AUTHORIZED");
            ApiClient.Answer capture = call("POST", "api/v1/orders/" + order.getString("id") + "/captures", "",
                    "capture-" + RUN);
            assertThat(capture.status()).as(capture.body()).isEqualTo(201);
            assertThat(capture.json().getJsonObject("order").getString("status")).isEqualTo("PAID");
        } finally {
            configure("{\"paymentAction\": \"SALE\"}");
        }
    }

    /** The card typed on our payment page: approved (spaces) and declined (dashes). */
    private void cardsTypedOnOurPaymentPage() {
        SECRETS.card("4999991111111113").card("2221000000000009");
        JsonObject approved = place(offering("page-approved", "26.00"), "attendee@demo.example");
        assertThat(payOnOurPage(approved, "4999 9911 1111 1113", "890")).contains("Payment approved");
        JsonObject declined = place(offering("page-declined", "1012.00"), "page-declined-" + RUN + "@example.com");
        assertThat(payOnOurPage(declined, "2221-0000-0000-0009", "901")).contains("Your card was declined");
    }

    /** Website Payments Pro: the card goes to PayPal's hosted page; the return and the Silent POST come back. */
    private void cardTypedOnPayPalsHostedPage() {
        configure("""
                {"provider": {"type": "PAYFLOW_PRO", "accountType": "WEBSITE_PAYMENTS_PRO", "acceptedCards": [],
                  "expressCheckout": false, "currency": "USD"}}""");
        SECRETS.card("371449635398431");
        JsonObject order = place(offering("hosted", "27.00"), "hosted-" + RUN + "@example.com");
        PortalSession attendee = new PortalSession(base(), this::seen);
        PortalSession.Page hosted = click(attendee, order, "payment:continueToPayPal");
        assertThat(hosted.status()).as(hosted.body()).isEqualTo(302);
        URI page = hosted.location();
        assertThat(page.getPath()).isEqualTo("/hosted");
        assertThat(attendee.get(page.toString()).status()).isEqualTo(200);
        // The server listens on the port Arquillian chose; its URLs say 127.0.0.1:8080 (ECOMMERCE_PUBLIC_URL).
        EmulatorExtension.emulator().deliverSilentPostsTo(base());
        try {
            PortalSession.Page paid = attendee.post(page.resolve("/hosted/pay").toString(), List.of(
                    Map.entry("SECURETOKEN", PaymentPageClient.query(page, "SECURETOKEN")),
                    Map.entry("SECURETOKENID", PaymentPageClient.query(page, "SECURETOKENID")),
                    Map.entry("ACCT", "3714 496353 98431"), Map.entry("EXPDATE", "1230"),
                    Map.entry("CVV2", "4321")));
            assertThat(paid.status()).as(paid.body()).isEqualTo(303);
            assertThat(attendee.open(paid.location().toString()).body()).contains("Payment approved");
            waitForLog("Silent post for payment", Duration.ofSeconds(15));
        } finally {
            EmulatorExtension.emulator().deliverSilentPostsTo(null);
        }
        configurePayflow();
    }

    /** Express Checkout (US, classic NVP with the platform's API credentials), paid and refunded. */
    private void expressCheckoutAndItsRefund() {
        configure("""
                {"provider": {"type": "EXPRESS_CHECKOUT_US", "paypalEmail": "merchant@demo.example",
                  "currency": "USD"}}""");
        ApiClient.Answer test = call("POST", "api/v1/settings/connection-test?mode=TEST", "", null);
        assertThat(test.json().getBoolean("ok")).as(test.body()).isTrue();
        JsonObject order = place(offering("express", "28.00"), "express-" + RUN + "@example.com");
        PortalSession buyer = new PortalSession(base(), this::seen);
        PortalSession.Page toPayPal = click(buyer, order, "payment:payWithPayPal");
        assertThat(toPayPal.status()).as(toPayPal.body()).isEqualTo(302);
        URI approval = toPayPal.location();
        assertThat(buyer.get(approval.toString()).status()).isEqualTo(200);
        PortalSession.Page decided = buyer.post(approval.resolve("/cgi-bin/webscr").toString(), List.of(
                Map.entry("cmd", "_express-checkout"), Map.entry("token", PaymentPageClient.query(approval, "token")),
                Map.entry("action", "approve")));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(buyer.open(decided.location().toString()).body()).contains("Payment approved");
        ApiClient.Answer refund = call("POST", "api/v1/orders/" + order.getString("id") + "/refunds", "",
                "express-refund-" + RUN);
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        configurePayflow();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The scans

    /**
     * (a) The server's log: its start-up (the demo loaded, the migrations) and everything written since this class
     * started, which must be this class's flows, with the scrubbed requests in it (FINE). The lines other IT classes
     * caused in between are theirs: their own inputs (FuzzIT's junk, other cards) are not this scan's secrets.
     */
    private List<String> scanServerLog() {
        // A refund is logged at INFO with the order's id: this line proves the text is the running server's log.
        String log = ServerLog.since(logStart);
        String refunded = ORDERS.stream().map(o -> o.getString("id")).filter(log::contains).findFirst().orElse(null);
        assertThat(refunded).as("an order id of this run in " + ServerLog.FILE.toAbsolutePath() + " from byte "
                + logStart.offset()).isNotNull();
        assertThat(log).as("the Payflow requests logged at FINE, scrubbed").contains("ACCT[10]=[FILTERED]",
                "CVV2[10]=[FILTERED]", "PWD[10]=[FILTERED]");
        assertThat(log).as("the Express Checkout requests logged at FINE, scrubbed").contains("PWD=[FILTERED]",
                "SIGNATURE=[FILTERED]");
        String boot = ServerLog.boot();
        assertThat(boot).as("the server's start-up in " + ServerLog.FILE.toAbsolutePath()).contains("Payara Micro");
        List<String> hits = new ArrayList<>();
        String[] bootLines = boot.split("\n", -1);
        for (int n = 0; n < bootLines.length; n++) {
            hits.addAll(SECRETS.scan(ServerLog.FILE + " start-up line " + (n + 1), bootLines[n]));
        }
        String[] lines = log.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            hits.addAll(SECRETS.scan(ServerLog.FILE + " line " + (n + 1) + " after byte " + logStart.offset(),
                    lines[n]));
        }
        return hits;
    }

    /** (b) Every value of every table. */
    private List<String> scanDatabase() {
        List<String> hits = new ArrayList<>();
        try (ItDatabase db = ItDatabase.open()) {
            assertThat(db.tables()).contains("purchase_order", "payment_transaction", "provider_credentials",
                    "api_key", "idempotency_record");
            // No column made to hold card data at all (the brand and last four digits are all we keep).
            List<String> columns = db.columns();
            assertThat(columns).contains("payment_transaction.card_last4", "payment_transaction.card_brand");
            columns.stream().filter(c -> CARD_COLUMN.matcher(c).find())
                    .forEach(c -> hits.add("a column for card data: " + c));
            long cells = db.cells(cell -> hits.addAll(SECRETS.scan(cell.where(), cell.text())));
            // This run's orders and their card transactions were among the values read.
            assertThat(cells).isGreaterThan(1000);
            assertThat(db.number("select count(*) from payment_transaction where card_last4 = ?", "9424"))
                    .isGreaterThanOrEqualTo(1);
        }
        return hits;
    }

    /**
     * (c) Every view of the built WAR (outside WEB-INF) opened by each person who may open it, the views that take
     * an id once per order or transaction of the run, the payment page of every order; then every answer the flows
     * and the tour got, and the API's answers about the run's orders and transactions.
     */
    private List<String> scanPages() throws IOException {
        List<String> orderIds = ORDERS.stream().map(o -> o.getString("id")).toList();
        List<String> transactionIds = new ArrayList<>();
        for (String id : orderIds) {
            JsonObject o = call("GET", "api/v1/orders/" + id, null, null).json();
            o.getJsonArray("transactions").getValuesAs(JsonObject.class)
                    .forEach(t -> transactionIds.add(t.getString("id")));
        }
        for (String id : transactionIds) {
            call("GET", "api/v1/transactions/" + id, null, null);
        }
        call("GET", "api/v1/transactions?includeTest=true&size=200", null, null);
        ANSWERS.put("API GET transactions CSV", api().csv("api/v1/transactions?includeTest=true").body());
        ANSWERS.put("API GET revenue CSV", api().csv("api/v1/reports/revenue?from=2020-01-01&to=2099-12-31"
                + "&includeTest=true").body());
        call("GET", "api/v1/settings", null, null);
        // Every settings change of the run, old and new values (passwords only as "(changed)").
        assertThat(call("GET", "api/v1/audit-log?limit=500", null, null).status()).isEqualTo(200);

        Map<String, List<String>> withParameters = Map.of(
                "admin/orders/order.xhtml", orderIds.stream().map(id -> "?id=" + id).toList(),
                "admin/transactions/detail.xhtml", transactionIds.stream().map(id -> "?id=" + id).toList(),
                "payment.xhtml", List.of(),
                // The whole log, and the settings changes only (where passwords would be, were they written).
                "admin/audit-log.xhtml", List.of("", "?action=settings.update"));
        Map<String, PortalSession> people = Map.of(
                "admin", signedIn("admin@demo.example", "admin-demo-1"),
                "host", signedIn("host@demo.example", "host-demo-1"),
                "attendee", signedIn("attendee@demo.example", "attendee-demo-1"),
                "anonymous", new PortalSession(base(), this::seen));
        List<String> views = views();
        assertThat(views).contains("admin/ecommerce.xhtml", "host/offerings.xhtml", "attendee/access.xhtml",
                "payment.xhtml");
        int opened = 0;
        for (String view : views) {
            List<String> queries = withParameters.getOrDefault(view, List.of(""));
            assertThat(withParameters.containsKey(view) || !viewSource(view).contains("f:viewParam"))
                    .as("%s takes parameters: tell LeakScanIT how to open it", view).isTrue();
            String area = view.contains("/") ? view.substring(0, view.indexOf('/')) : "";
            List<String> who = switch (area) {
                case "admin" -> List.of("admin");
                case "host" -> List.of("host");
                case "attendee" -> List.of("attendee");
                default -> List.of("anonymous", "admin", "host", "attendee");
            };
            for (String person : who) {
                for (String query : queries) {
                    PortalSession.Page p = people.get(person).open(view + query);
                    assertThat(p.status()).as("%s%s as %s", view, query, person).isEqualTo(200);
                    opened++;
                }
            }
        }
        PortalSession anonymous = people.get("anonymous");
        for (JsonObject o : ORDERS) {
            assertThat(anonymous.open(o.getString("paymentPageUrl")).status()).isEqualTo(200);
            opened++;
        }
        assertThat(opened).isGreaterThan(views.size() + ORDERS.size());

        List<String> hits = new ArrayList<>();
        synchronized (ANSWERS) {
            ANSWERS.forEach((where, body) -> hits.addAll(SECRETS.scanPage(where, body)));
        }
        return hits;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    private void seen(PortalSession.Page page) {
        if (page.uri().getPort() == base().getPort()) {
            ANSWERS.put("page " + page.uri() + " (" + page.status() + ", answer " + ANSWERS.size() + ")",
                    page.body());
        }
    }

    private PortalSession signedIn(String email, String password) {
        return PortalSession.signedIn(base(), this::seen, email, password);
    }

    private ApiClient api() {
        return new ApiClient(base(), KEY);
    }

    /** An API call whose answer is kept for the scan. */
    private ApiClient.Answer call(String method, String path, String body, String idempotencyKey) {
        ApiClient a = api();
        ApiClient.Answer answer = switch (method) {
            case "GET" -> a.get(path);
            case "PUT" -> a.put(path, body);
            default -> a.post(path, body, idempotencyKey);
        };
        ANSWERS.put("API " + method + " " + path + " (" + answer.status() + ", answer " + ANSWERS.size() + ")",
                answer.body());
        return answer;
    }

    private void configure(String json) {
        ApiClient.Answer a = call("PUT", "api/v1/settings", json, null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /** Payflow Pro with a card field taking Visa, MasterCard, American Express and Discover; Test mode; sales. */
    private void configurePayflow() {
        configure("""
                {"mode": "TEST", "services": {"EVENTS": true, "TRAINING": true}, "paymentAction": "SALE",
                 "provider": {"type": "PAYFLOW_PRO", "accountType": "PAYFLOW_PRO",
                  "acceptedCards": ["VISA", "MASTERCARD", "AMEX", "DISCOVER"], "expressCheckout": false,
                  "currency": "USD"}}""");
    }

    /** The demo's provider and passwords (other IT classes pay with them). */
    private void restoreDemoProvider() {
        configure("""
                {"mode": "TEST", "paymentAction": "SALE",
                 "provider": {"type": "PAYFLOW_PRO", "accountType": "PAYFLOW_PRO",
                  "acceptedCards": ["VISA", "MASTERCARD", "AMEX", "DISCOVER"], "expressCheckout": false,
                  "currency": "USD", "credentials": {
                  "TEST": {"partnerId": "PayPal", "vendor": "demomerchant", "user": "demomerchant", "password": "%s"},
                  "PRODUCTION": {"partnerId": "PayPal", "vendor": "livemerchant", "user": "livemerchant",
                                 "password": "live-pw-123"}}}}""".formatted(EmulatorAccounts.PWD));
    }

    /** A new training session of the demo host with {@code fee} USD; its id. */
    private String offering(String name, String fee) {
        String id = "leak-" + name + "-" + RUN;
        ApiClient.Answer a = call("PUT", "api/v1/offerings/" + id, """
                {"title": "Leak scan %s", "service": "TRAINING", "type": "TRAINING_SESSION",
                 "host": "host@demo.example", "startsAt": "2027-03-01T15:00:00+00:00",
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(name, fee), null);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    private JsonObject place(String offering, String email) {
        ApiClient.Answer a = call("POST", "api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Lee Kscan"}}""".formatted(offering, email),
                null);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        ORDERS.add(a.json());
        return a.json();
    }

    private static String card(String number, String cvv) {
        return """
                {"card": {"number": "%s", "expiry": "1230", "cvv": "%s", "holder": "Lee Kscan"}}"""
                .formatted(number, cvv);
    }

    /** Pays {@code order} by card through the API; the answer (201). */
    private JsonObject paid(JsonObject order, String number, String cvv, String key) {
        ApiClient.Answer a = call("POST", "api/v1/orders/" + order.getString("id") + "/payments", card(number, cvv),
                key + "-" + RUN);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    /** Types the card on the order's payment page and clicks Pay (the page's ajax post); the partial answer. */
    private String payOnOurPage(JsonObject order, String number, String cvv) {
        PortalSession attendee = new PortalSession(base(), this::seen);
        PortalSession.Page page = attendee.open(order.getString("paymentPageUrl"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("payment:cardNumber");
        List<Map.Entry<String, String>> form = PortalSession.fields(page.body(), "payment");
        form = PortalSession.with(form, "payment:cardNumber", number);
        form = PortalSession.with(form, "payment:cardExpiry", "12/30");
        form = PortalSession.with(form, "payment:cardCvv", cvv);
        form = PortalSession.with(form, "payment:cardHolder", "Lee Kscan");
        PortalSession.Page answer = attendee.ajax(action(page.body(), "payment"), form, "payment:pay", "payment",
                "payment");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<?xml").contains("<partial-response");
        return answer.body();
    }

    /** Opens the order's payment page and clicks the (non-ajax) button {@code button}. */
    private PortalSession.Page click(PortalSession s, JsonObject order, String button) {
        PortalSession.Page page = s.open(order.getString("paymentPageUrl"));
        assertThat(page.status()).isEqualTo(200);
        List<Map.Entry<String, String>> form = PortalSession.fields(page.body(), "payment");
        form.add(Map.entry(button, ""));
        return s.post(action(page.body(), "payment"), form);
    }

    private static String action(String html, String formId) {
        Matcher m = Pattern.compile("<form\\b[^>]*\\bid=\"" + formId + "\"[^>]*\\baction=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("form %s", formId).isTrue();
        return PortalSession.unescape(m.group(1));
    }

    /** The emulator's ledger, one line per transaction ({@code GET /control/transactions}). */
    private static List<String> ledger() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    EmulatorExtension.emulator().baseUri().resolve("control/transactions")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body().lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The IT server's secret key as its file holds it (base64). */
    private static String secretKey() {
        try {
            String key = Files.readString(SECRET_KEY, StandardCharsets.UTF_8).strip();
            assertThat(key).as("the secret key in %s", SECRET_KEY.toAbsolutePath()).hasSizeGreaterThan(40);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The secret key " + SECRET_KEY.toAbsolutePath(), e);
        }
    }

    /** Waits until {@code text} is in the server's log since this class started (an earlier class's does not count). */
    private static void waitForLog(String text, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (!ServerLog.since(logStart).contains(text)) {
            assertThat(System.nanoTime()).as("'%s' in the server's log", text).isLessThan(end);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The views of the built WAR: every {@code *.xhtml} outside WEB-INF, sorted. */
    private static List<String> views() throws IOException {
        try (ZipFile war = new ZipFile("target/ecommerce.war")) {
            return war.stream().map(e -> e.getName()).filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/")
                    && !n.startsWith("META-INF/")).sorted().toList();
        }
    }

    private static String viewSource(String view) {
        try (ZipFile war = new ZipFile("target/ecommerce.war")) {
            return new String(war.getInputStream(war.getEntry(view)).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
