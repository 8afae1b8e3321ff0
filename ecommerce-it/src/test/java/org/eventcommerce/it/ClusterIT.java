package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eventcommerce.emulator.TransactionRecord;
import org.eventcommerce.it.cluster.AppInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 "Several instances": two Payara Micro instances of the built WAR ({@link AppInstance}) over one PostgreSQL
 * database, one secret key and one PayPal emulator, clustered on loopback so that Payara replicates web sessions
 * through its Hazelcast data grid. Requests alternate between the two instances (a load balancer without stickiness
 * is the worst case for correctness); README "Running several instances" shows a real load balancer.
 *
 * <ul>
 * <li>Both start at once on an empty database: the schema is migrated once and the demo loaded once.</li>
 * <li>Concurrency, every thread released together by a barrier: 200 orders with a single-use promotion code →
 * exactly one accepted, 200 with a code limited to 5 → exactly 5; 100 payments of 100 orders → each charged once in
 * the emulator's ledger, every order paid, 100 entitlements.</li>
 * <li>An attendee on the payment page when the instance that served it is killed (SIGKILL) pays on the other: one
 * charge, one paid order, one entitlement, and a second Pay charges nothing. The page is stateless and signed: the
 * payment does not need the session (it is posted without the page's cookies).</li>
 * <li>A signed-in administrator whose instance is killed carries on, on the other, in the same session (no new
 * sign-in) and the same view: a report filtered on the dead instance exports, on the live one, what the filter
 * chose. The killed instance came back on its port and rejoined the grid before that.</li>
 * </ul>
 *
 * <p>PostgreSQL only ({@code -Ppostgresql}): an embedded H2 file cannot be opened by two processes; on H2 the class is
 * disabled (reported as skipped). It uses its own database ({@code <it database>_cluster}, recreated at each run) because
 * the start-up race for the demo needs an empty database and the other IT classes' database is not empty.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = "jdbc:postgresql:.*",
        disabledReason = "two instances share a database server: PostgreSQL only (-Ppostgresql)")
@ExtendWith(EmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String KEY = "demo-platform-key";
    private static final String VISA = "4111111111111111";
    /** Where a load balancer would answer; both instances sign the payment links for it. */
    private static final String PUBLIC_URL = "https://shop.example";
    /** The longest a race of simultaneous requests may take, all answers included. */
    private static final Duration RACE_LIMIT = Duration.ofSeconds(150);
    private static final Duration GRID_WAIT = Duration.ofSeconds(90);
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    /** One client for every request: HTTP/1.1 opens one connection per request in flight, so 200 at once is 200. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private static AppInstance a;
    private static AppInstance b;
    private static String databaseUrl;
    private final String run = Long.toString(System.nanoTime(), 36);

    @BeforeAll
    static void twoInstancesOverOneDatabase() throws Exception {
        String itUrl = System.getProperty("it.db.url", "");
        databaseUrl = freshDatabase(itUrl);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secretKey = Base64.getEncoder().encodeToString(key);
        int gridA = AppInstance.freePort();
        int gridB = AppInstance.freePort();
        String cluster = "ecommerce-it-" + Long.toString(System.nanoTime(), 36);
        a = instance("cluster-a", gridA, List.of(gridA, gridB), cluster, secretKey);
        b = instance("cluster-b", gridB, List.of(gridA, gridB), cluster, secretKey);
        a.start();
        b.start();
        a.awaitServing();
        b.awaitServing();
        a.awaitDataGridSize(2, GRID_WAIT);
        b.awaitDataGridSize(2, GRID_WAIT);
        Reply codes = call(a, "PUT", "api/v1/settings", "{\"promotionCodesEnabled\": true}", null);
        assertThat(codes.status()).as(codes.body()).isEqualTo(200);
    }

    /** Same database, same secret key, same public URL; its own data folder (nothing on disk is shared). */
    private static AppInstance instance(String name, int gridPort, List<Integer> gridPorts, String cluster,
                                        String secretKey) {
        return AppInstance.builder(name).port(AppInstance.freePort())
                .env("ECOMMERCE_DB_URL", databaseUrl)
                .env("ECOMMERCE_SECRET_KEY", secretKey)
                .env("ECOMMERCE_PUBLIC_URL", PUBLIC_URL)
                .env("ECOMMERCE_DATA_DIR", Path.of("target", "instances", name, "data").toAbsolutePath().toString())
                .env("ECOMMERCE_DEMO", "true")
                .dataGrid(cluster, gridPort, gridPorts)
                .build();
    }

    @AfterAll
    static void stopBoth() {
        CompletableFuture<?> stopA = CompletableFuture.runAsync(() -> {
            if (a != null) {
                a.stop();
            }
        });
        CompletableFuture<?> stopB = CompletableFuture.runAsync(() -> {
            if (b != null) {
                b.stop();
            }
        });
        CompletableFuture.allOf(stopA, stopB).join();
    }

    @Test
    @Order(1)
    void bothInstancesServeOneDatabaseWhereTheDemoWasLoadedOnce() throws Exception {
        List<String> loaded = new ArrayList<>();
        for (AppInstance i : List.of(a, b)) {
            String log = i.logSinceLastStart();
            if (log.contains("Demo loaded.")) {
                loaded.add(i.name());
            } else {
                assertThat(log).as(i + " did not load the demo").contains("Demo not loaded");
            }
        }
        assertThat(loaded).hasSize(1);
        try (Connection c = DriverManager.getConnection(databaseUrl, System.getProperty("it.db.user"),
                System.getProperty("it.db.password")); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from site")).isEqualTo(1);
            assertThat(count(s, "select count(*) from account where email = 'admin@demo.example'")).isEqualTo(1);
            assertThat(count(s, "select count(*) from offering where external_id = 'live-keynote'")).isEqualTo(1);
        }
        // An order made through one instance is the other's too, and both sign links for the load balancer.
        String offering = offering("shared", "20.00");
        JsonObject order = place(a, offering, "shared", null).json();
        assertThat(order.getString("paymentPageUrl")).startsWith(PUBLIC_URL + "/pay/");
        JsonObject seen = call(b, "GET", "api/v1/orders/" + order.getString("id"), null, null).json();
        assertThat(seen.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(seen.getJsonObject("total").getString("amount")).isEqualTo("20.00");
        assertThat(seen.getString("paymentPageUrl")).isEqualTo(order.getString("paymentPageUrl"));
    }

    @Test
    @Order(2)
    void twoHundredSimultaneousOrdersUseASingleUseCodeOnce() throws Exception {
        String offering = offering("once", "50.00");
        String code = customCode("ONCE" + tail(), "{\"type\": \"ONCE\"}");
        List<Reply> replies = race(200, i -> orderRequest(i % 2 == 0 ? a : b, offering, "once-" + i, code));
        List<Reply> accepted = accepted(replies, code);
        assertThat(accepted).hasSize(1);
        JsonObject winner = accepted.get(0).json();
        assertThat(winner.getJsonObject("discount").getString("amount")).isEqualTo("10.00");
        assertThat(winner.getJsonObject("total").getString("amount")).isEqualTo("40.00");
        assertThat(usage(code).getInt("reserved")).isEqualTo(1);
        assertThat(usage(code).getInt("used")).isZero();
        // Paid through the other instance: the one reservation becomes the one use.
        AppInstance other = accepted.get(0).instance() == a ? b : a;
        Reply paid = call(other, "POST", "api/v1/orders/" + winner.getString("id") + "/payments", card(), "once-" + run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(usage(code).getInt("used")).isEqualTo(1);
        assertThat(usage(code).getInt("reserved")).isZero();
    }

    @Test
    @Order(3)
    void twoHundredSimultaneousOrdersUseACodeLimitedToFiveFiveTimes() throws Exception {
        String offering = offering("five", "50.00");
        String code = customCode("FIVE" + tail(), "{\"type\": \"LIMITED\", \"limit\": 5}");
        List<Reply> replies = race(200, i -> orderRequest(i % 2 == 0 ? a : b, offering, "five-" + i, code));
        List<Reply> accepted = accepted(replies, code);
        assertThat(accepted).hasSize(5);
        for (Reply r : accepted) {
            assertThat(r.json().getJsonObject("discount").getString("amount")).isEqualTo("10.00");
            assertThat(r.json().getString("promotionCode")).isEqualTo(code);
        }
        assertThat(usage(code).getInt("reserved")).isEqualTo(5);
    }

    @Test
    @Order(4)
    void oneHundredSimultaneousPaymentsChargeEachOrderOnce() throws Exception {
        int n = 100;
        String offering = offering("pay", "12.34");
        List<JsonObject> orders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> placed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                placed.add(pool.submit(() -> place(k % 2 == 0 ? b : a, offering, "pay-" + k, null)));
            }
            for (Future<Reply> f : placed) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                orders.add(r.json());
            }
        } finally {
            pool.shutdownNow();
        }
        int ledgerBefore = EmulatorExtension.emulator().transactions().size();

        List<Reply> replies = race(n, i -> request(i % 2 == 0 ? a : b, "POST",
                "api/v1/orders/" + orders.get(i).getString("id") + "/payments", card(), "pay-" + run + "-" + i));

        Set<String> references = new HashSet<>();
        for (Reply r : replies) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonObject t = r.json().getJsonObject("transaction");
            assertThat(t.getString("status")).as(r.body()).isEqualTo("APPROVED");
            references.add(t.getString("reference"));
        }
        assertThat(references).hasSize(n);
        // The emulator's ledger: exactly one sale per order, each for the order's total, and no other money moved
        // (an inquiry, which moves none, would be allowed).
        List<TransactionRecord> charged = chargedSince(ledgerBefore);
        assertThat(charged).hasSize(n);
        assertThat(charged).allSatisfy(t -> {
            assertThat(t.trxType()).isEqualTo("S");
            assertThat(t.result()).isZero();
            assertThat(t.amount()).isEqualByComparingTo("12.34");
        });
        assertThat(charged.stream().map(TransactionRecord::pnref).collect(Collectors.toSet())).isEqualTo(references);
        // Every order paid once, every attendee entitled (read back through both instances).
        for (int i = 0; i < n; i++) {
            JsonObject o = orders.get(i);
            AppInstance via = i % 2 == 0 ? a : b;
            JsonObject now = call(via, "GET", "api/v1/orders/" + o.getString("id"), null, null).json();
            assertThat(now.getString("status")).isEqualTo("PAID");
            List<JsonObject> txs = now.getJsonArray("transactions").getValuesAs(JsonObject.class);
            assertThat(txs).hasSize(1);
            assertThat(txs.get(0).getString("status")).isEqualTo("APPROVED");
            assertThat(references).contains(txs.get(0).getString("reference"));
            JsonObject access = call(via, "GET", "api/v1/entitlements?attendee=" + enc(o.getString("email"))
                    + "&offering=" + offering, null, null).json();
            assertThat(access.getBoolean("granted")).isTrue();
            assertThat(access.getString("orderId")).isEqualTo(o.getString("id"));
        }
    }

    /**
     * Each instance answers the entitlement check from its own in-memory snapshot of the site's entitlements; a
     * refund through one instance must still revoke access on the other at once (issue 5: "a cache only with
     * invalidation on every instance").
     */
    @Test
    @Order(4)
    void aRefundThroughOneInstanceRevokesAccessOnTheOtherAtOnce() throws Exception {
        String offering = offering("revoke", "15.00");
        JsonObject order = place(a, offering, "revoke", null).json();
        String id = order.getString("id");
        String check = "api/v1/entitlements?attendee=" + enc(order.getString("email")) + "&offering=" + offering;
        Reply paid = call(a, "POST", "api/v1/orders/" + id + "/payments", card(), "pay-revoke-" + run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        // Many checks through both instances: a site's first check starts loading its snapshot in the background,
        // the later ones are answered from it.
        for (int i = 0; i < 20; i++) {
            for (AppInstance via : List.of(a, b)) {
                JsonObject access = call(via, "GET", check, null, null).json();
                assertThat(access.getBoolean("granted")).isTrue();
                assertThat(access.getString("orderId")).isEqualTo(id);
            }
            Thread.sleep(20);
        }

        Reply refund = call(a, "POST", "api/v1/orders/" + id + "/refunds", "", "refund-revoke-" + run);
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        // The very next check on the other instance says no, and so does the refunding instance.
        assertThat(call(b, "GET", check, null, null).json().getBoolean("granted")).isFalse();
        assertThat(call(a, "GET", check, null, null).json().getBoolean("granted")).isFalse();

        // Bought again through b: a, which did not take part, names the new order at once.
        JsonObject again = place(b, offering, "revoke", null).json();
        Reply repaid = call(b, "POST", "api/v1/orders/" + again.getString("id") + "/payments", card(),
                "pay-revoke-again-" + run);
        assertThat(repaid.status()).as(repaid.body()).isEqualTo(201);
        JsonObject access = call(a, "GET", check, null, null).json();
        assertThat(access.getBoolean("granted")).isTrue();
        assertThat(access.getString("orderId")).isEqualTo(again.getString("id"));
    }

    @Test
    @Order(5)
    void anAttendeeWhoseInstanceIsKilledOnThePaymentPagePaysOnTheOtherOnce() throws Exception {
        String offering = offering("page", "33.00");
        JsonObject order = place(b, offering, "page", null).json();
        URI link = URI.create(order.getString("paymentPageUrl"));
        String pathAndQuery = link.getRawPath().substring(1) + "?" + link.getRawQuery();

        // The attendee opens the payment page; instance a serves it.
        WebClient attendee = new WebClient();
        HttpResponse<String> page = attendee.follow(a.base().resolve(pathAndQuery));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"payment:cardNumber\"").contains("33.00");
        Map<String, String> form = paymentForm(page.body());
        URI payAt = b.base().resolve(form.remove("action"));

        // Instance a dies (kill -9) while the page is open.
        a.kill();
        assertThat(a.isAlive()).isFalse();
        assertThat(a.refusesConnections()).isTrue();

        // Pay goes to the load balancer, which sends it to b. The page is stateless and signed: the post carries no
        // cookie at all here, so it cannot depend on the session a had.
        int before = EmulatorExtension.emulator().transactions().size();
        HttpResponse<String> paid = new WebClient().ajax(payAt, form, "payment:pay", "payment");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("payment:confirmation").contains("33.00");

        JsonObject now = call(b, "GET", "api/v1/orders/" + order.getString("id"), null, null).json();
        assertThat(now.getString("status")).isEqualTo("PAID");
        List<JsonObject> txs = now.getJsonArray("transactions").getValuesAs(JsonObject.class);
        assertThat(txs).hasSize(1);
        assertThat(txs.get(0).getString("status")).isEqualTo("APPROVED");
        String pnref = txs.get(0).getString("reference");
        assertThat(chargedSince(before)).singleElement().satisfies(t -> {
            assertThat(t.pnref()).isEqualTo(pnref);
            assertThat(t.trxType()).isEqualTo("S");
            assertThat(t.amount()).isEqualByComparingTo("33.00");
        });
        JsonObject access = call(b, "GET", "api/v1/entitlements?attendee=" + enc(order.getString("email"))
                + "&offering=" + offering, null, null).json();
        assertThat(access.getBoolean("granted")).isTrue();
        assertThat(access.getString("orderId")).isEqualTo(order.getString("id"));

        // Pay pressed again (a resubmitted page, a second tab): the order is paid, nothing more is charged.
        HttpResponse<String> again = attendee.ajax(payAt, form, "payment:pay", "payment");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("payment:confirmation");
        assertThat(chargedSince(before)).hasSize(1);
        assertThat(call(b, "GET", "api/v1/orders/" + order.getString("id"), null, null).json()
                .getJsonArray("transactions")).hasSize(1);
    }

    @Test
    @Order(6)
    void aSignedInAdministratorWhoseInstanceIsKilledKeepsTheSessionAndTheView() throws Exception {
        // The instance killed before comes back on its port and rejoins the data grid.
        for (AppInstance i : List.of(a, b)) {
            if (!i.isAlive()) {
                int port = i.port();
                i.restart().awaitServing();
                assertThat(i.port()).isEqualTo(port);
            }
        }
        a.awaitDataGridSize(2, GRID_WAIT);
        b.awaitDataGridSize(2, GRID_WAIT);

        // A paid order of a fresh attendee, for the report below.
        String offering = offering("admin", "21.00");
        JsonObject order = place(a, offering, "admin", null).json();
        Reply paid = call(a, "POST", "api/v1/orders/" + order.getString("id") + "/payments", card(), "adm-" + run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String attendeeEmail = order.getString("email");

        // The administrator signs in on b and works there: every page of the portal, then the transactions report
        // filtered on the attendee.
        WebClient admin = new WebClient();
        HttpResponse<String> signedIn = admin.signIn(b.base(), "admin@demo.example", "admin-demo-1");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        for (String p : List.of("admin/ecommerce.xhtml", "admin/promotion-codes/create.xhtml",
                "admin/promotion-codes/report.xhtml", "admin/promotion-codes/outbox.xhtml",
                "admin/promotion-codes/mail-template.xhtml", "admin/promotion-codes/failed-attempts.xhtml",
                "admin/payments/held.xhtml", "admin/reports/revenue.xhtml",
                "admin/orders/order.xhtml?id=" + order.getString("id"))) {
            assertThat(admin.get(b.base().resolve(p)).statusCode()).as(p).isEqualTo(200);
        }
        URI report = b.base().resolve("admin/transactions/index.xhtml");
        HttpResponse<String> reportPage = admin.get(report);
        assertThat(reportPage.statusCode()).isEqualTo(200);
        Matcher state = VIEW_STATE.matcher(reportPage.body());
        assertThat(state.find()).isTrue();
        String viewState = unescape(state.group(1));
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("report", "report");
        filter.put("report:attendee", attendeeEmail);
        filter.put("jakarta.faces.ViewState", viewState);
        HttpResponse<String> filtered = admin.ajax(report, filter, "report:search", "report:filters");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains(attendeeEmail);
        // Everything the session holds was written to the grid (one value that cannot be serialized would make
        // Payara leave out every view-scoped bean, with this warning).
        assertThat(b.logSinceLastStart()).doesNotContain("Cannot serialize session attribute");

        // b dies; the load balancer sends the administrator to a.
        b.kill();
        assertThat(b.refusesConnections()).isTrue();
        HttpResponse<String> settings = admin.get(a.base().resolve("admin/ecommerce.xhtml"));
        assertThat(settings.statusCode()).as("still signed in, no redirect to the sign-in page").isEqualTo(200);
        assertThat(settings.body()).contains("id=\"signOutForm\"").contains("id=\"settings\"");
        // The report's view, filtered on b, exports on a exactly what its filter chose: the view-scoped bean came
        // over with the session.
        Map<String, String> export = new LinkedHashMap<>();
        export.put("report", "report");
        export.put("report:exportCsv", "");
        export.put("jakarta.faces.ViewState", viewState);
        HttpResponse<String> csv = admin.post(a.base().resolve("admin/transactions/index.xhtml"), export);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/csv"));
        List<String> rows = csv.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(attendeeEmail).contains(order.getString("id")).contains("21.00");
        assertThat(a.logSinceLastStart()).doesNotContain("Cannot serialize session attribute");
    }

    // ---- the platform API, on a chosen instance

    /** One answer and the instance that gave it. */
    record Reply(AppInstance instance, int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static HttpRequest request(AppInstance on, String method, String path, String json, String idempotency) {
        HttpRequest.Builder r = HttpRequest.newBuilder(on.base().resolve(path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (idempotency != null) {
            r.header("Idempotency-Key", idempotency);
        }
        return r.build();
    }

    private static Reply call(AppInstance on, String method, String path, String json, String idempotency) {
        return send(on, request(on, method, path, json, idempotency));
    }

    private static Reply send(AppInstance on, HttpRequest r) {
        try {
            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(on, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(on + ": " + r.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code n} requests at once: every thread waits at a barrier until all {@code n} are ready, then all send.
     * Returns the answers in request order; fails when they take longer than {@link #RACE_LIMIT} together.
     */
    private static List<Reply> race(int n, IntFunction<HttpRequest> requests) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Reply>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpRequest r = requests.apply(i);
                AppInstance on = r.uri().getPort() == a.port() ? a : b;
                answers.add(pool.submit(() -> {
                    barrier.await(60, TimeUnit.SECONDS);
                    return send(on, r);
                }));
            }
            long deadline = System.nanoTime() + RACE_LIMIT.toNanos();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : answers) {
                replies.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            assertThat(replies).extracting(Reply::instance).contains(a, b);
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The orders accepted with {@code code}; every other answer must be the code's "used up" problem. */
    private static List<Reply> accepted(List<Reply> replies, String code) {
        List<Reply> accepted = new ArrayList<>();
        for (Reply r : replies) {
            if (r.status() == 201) {
                assertThat(r.json().getString("promotionCode")).isEqualTo(code);
                accepted.add(r);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(422);
                assertThat(r.json().getString("type")).isEqualTo("/problems/promotion-code-used-up");
            }
        }
        return accepted;
    }

    private HttpRequest orderRequest(AppInstance on, String offering, String who, String code) {
        return request(on, "POST", "api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s-%s@example.com", "name": "Pat Race"}, "promotionCode": "%s"}"""
                .formatted(offering, who, run, code), null);
    }

    /** A new order of {@code offering} by a fresh attendee, through {@code on}; the answer's JSON gains "email". */
    private Reply place(AppInstance on, String offering, String who, String code) {
        String email = who + "-" + run + "@example.com";
        Reply r = call(on, "POST", "api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Pat Pal"}%s}""".formatted(offering, email,
                code == null ? "" : ", \"promotionCode\": \"" + code + "\""), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Reply(on, r.status(), Json.createObjectBuilder(r.json()).add("email", email).build().toString());
    }

    /** A new live event {@code <prefix>-<run>} with the fee {@code amount} USD; returns its id. */
    private String offering(String prefix, String amount) {
        String id = prefix + "-" + run;
        Reply r = call(a, "PUT", "api/v1/offerings/" + id, """
                {"title": "Cluster %s", "service": "EVENTS", "type": "LIVE_EVENT", "host": "host-%s@example.com",
                 "startsAt": "2027-03-01T15:00:00+00:00", "fee": {"amount": "%s", "currency": "USD"}}"""
                .formatted(id, id, amount), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    /** A custom code {@code code} with {@code usage}, 20 % off every offering type, not mailed. */
    private String customCode(String code, String usage) {
        Reply r = call(b, "POST", "api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": %s,
                 "discount": {"type": "PERCENT", "percent": "20"}, "expiresOn": "%s", "appliesTo": "ALL",
                 "sendEmail": false}""".formatted(code, usage, LocalDate.now().plusYears(1)), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    private JsonObject usage(String code) {
        return call(a, "GET", "api/v1/promotion-codes?code=" + code, null, null).json().getJsonArray("items")
                .getJsonObject(0).getJsonObject("usage");
    }

    private String tail() {
        String t = run.toUpperCase();
        return t.length() > 8 ? t.substring(t.length() - 8) : t;
    }

    private static String card() {
        return "{\"card\": {\"number\": \"" + VISA + "\", \"expiry\": \"1230\", \"cvv\": \"123\", \"holder\": \"Pat\"}}";
    }

    // ---- the portal, as a browser would use it

    /** The payment page's form: its fields with a card typed in, and "action" (the form's action path). */
    private static Map<String, String> paymentForm(String html) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher tag = Pattern.compile("<form[^>]*id=\"payment\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("payment form").isTrue();
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(tag.group());
        assertThat(action.find()).isTrue();
        form.put("action", unescape(action.group(1)).substring(1));
        form.put("payment", "payment");
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(order|sig)\" value=\"([^\"]*)\"").matcher(html);
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        assertThat(form).containsKeys("order", "sig");
        form.put("payment:cardNumber", VISA);
        form.put("payment:cardExpiry", "12/30");
        form.put("payment:cardCvv", "123");
        form.put("payment:cardHolder", "Pat Pal");
        Matcher state = VIEW_STATE.matcher(html);
        assertThat(state.find()).as("view state").isTrue();
        form.put("jakarta.faces.ViewState", unescape(state.group(1)));
        return form;
    }

    /**
     * A browser's cookie jar for one site: {@code name=value} pairs sent back as they came. Both instances are
     * 127.0.0.1, and cookies do not depend on the port, so one jar serves both, as behind a load balancer. (The JDK's
     * {@code CookieManager} cannot stand in: it takes Payara's {@code JSESSIONIDVERSION=2f:1} for an RFC 2965 cookie
     * and sends it back quoted, {@code $Version="1"; JSESSIONIDVERSION="2f:1"}, which Payara cannot parse.)
     */
    private static final class BrowserCookies extends CookieHandler {

        private final Map<String, String> jar = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(header)) {
                    for (String v : values) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String name = pair.substring(0, eq).strip();
                        if (v.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                            jar.remove(name);
                        } else {
                            jar.put(name, pair.substring(eq + 1).strip());
                        }
                    }
                }
            });
        }
    }

    /** A browser without a browser: its own cookies, redirects seen, not followed. */
    private static final class WebClient {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new BrowserCookies()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        /** GET, then the redirects within the same instance. */
        HttpResponse<String> follow(URI uri) {
            HttpResponse<String> r = get(uri);
            for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
                URI next = uri.resolve(r.headers().firstValue("Location").orElseThrow());
                r = get(URI.create("http://127.0.0.1:" + uri.getPort() + next.getRawPath()
                        + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery())));
            }
            return r;
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }

        /** The AJAX post PrimeFaces makes for the button {@code source}, processing {@code execute}. */
        HttpResponse<String> ajax(URI uri, Map<String, String> form, String source, String execute) {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("jakarta.faces.partial.ajax", "true");
            all.put("jakarta.faces.source", source);
            all.put("jakarta.faces.partial.execute", execute);
            all.put("jakarta.faces.partial.render", source.substring(0, source.indexOf(':')));
            all.put(source, source);
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Faces-Request", "partial/ajax").POST(HttpRequest.BodyPublishers.ofString(encode(all))));
        }

        /** Opens the sign-in page of {@code base} and posts the credentials with the page's view state. */
        HttpResponse<String> signIn(URI base, String email, String password) {
            HttpResponse<String> page = get(base.resolve("login.xhtml"));
            Matcher state = VIEW_STATE.matcher(page.body());
            assertThat(state.find()).as(page.body()).isTrue();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", password);
            form.put("login:signIn", "");
            form.put("jakarta.faces.ViewState", unescape(state.group(1)));
            return post(base.resolve("login.xhtml"), form);
        }

        private HttpResponse<String> send(HttpRequest.Builder r) {
            try {
                return http.send(r.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(Map<String, String> form) {
            return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
    }

    // ---- helpers

    /** What the emulator recorded after the first {@code before} entries, inquiries (TRXTYPE=I) left out. */
    private static List<TransactionRecord> chargedSince(int before) {
        List<TransactionRecord> ledger = EmulatorExtension.emulator().transactions();
        return ledger.subList(before, ledger.size()).stream().filter(t -> !"I".equals(t.trxType())).toList();
    }

    /** Recreates {@code <database of itUrl>_cluster} on the same server; returns its JDBC URL. */
    private static String freshDatabase(String itUrl) throws Exception {
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)").matcher(itUrl);
        assertThat(m.matches()).as(itUrl).isTrue();
        String name = m.group(2) + "_cluster";
        try (Connection c = DriverManager.getConnection(m.group(1) + "postgres", System.getProperty("it.db.user"),
                System.getProperty("it.db.password")); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return m.group(1) + name + m.group(3);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
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
