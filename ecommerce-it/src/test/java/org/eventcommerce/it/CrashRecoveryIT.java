package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eventcommerce.emulator.EmulatorControl;
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
 * Issue 5 "Crash recovery": card payments in flight when the application process is killed ({@code kill -9}) end in
 * exactly one correct final state once an instance runs again, settled by the reconciler's timer alone.
 *
 * <p>One {@link AppInstance} of the built WAR (Payflow Pro on the emulator's test account, the demo's provider) with
 * the reconciler's timer on ({@code ECOMMERCE_RECONCILE_SCHEDULED=true}, a pass every minute), a grace period of
 * {@value #GRACE_SECONDS} s and a Payflow client timeout of 30 s (the connector waits 35 s for an answer, so no
 * resend leaves before the kill; the grace period is therefore below what the reconciler's start-up check asks for,
 * which only logs a warning). The emulator holds the answers ({@code holdNext}): six card payments reach it, are
 * processed and recorded (five approved, one declined by a forced RESULT 12), and wait for their answers while the
 * application has their transactions PENDING. Then the process gets SIGKILL, the emulator releases the answers into
 * closed connections, and the instance starts again on the same port and database. Without any request from the test
 * but reads, the timer's passes ask Payflow by each attempt's CUSTREF and settle: the five orders paid once (one sale
 * each in the emulator's ledger, one APPROVED transaction "Settled by inquiry", one entitlement), the declined one
 * DECLINED and payable again. The reconciliation view lists them as settled by the reconciler, none unresolved.
 * While the payments were in flight a second payment of one order was refused (409, nothing sent); after the restart
 * the killed request repeated with its {@code Idempotency-Key} charges nothing and gets the answer the killed request
 * would have given: the key's claim has no stored answer (its request died) but names the attempt it recorded, so once
 * the claim is older than the abandon age the repeat answers from that settled attempt. A key whose request died
 * before recording anything is taken over: the repeat pays once.
 *
 * <p>PostgreSQL only ({@code -Ppostgresql}), like {@link ClusterIT}: the instance is a second process beside the
 * Arquillian-started server, and an embedded H2 file cannot be opened by two processes; on H2 the class is disabled
 * (reported as skipped). It uses its own database ({@code <it database>_crash}, recreated at each run), so that its
 * reconciler only sees this class's transactions and its inquiries never meet another class's emulator controls.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = "jdbc:postgresql:.*",
        disabledReason = "a second application process beside the ITs' server: PostgreSQL only (-Ppostgresql)")
@ExtendWith(EmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final String KEY = "demo-platform-key";
    private static final String VISA = "4111111111111111";
    private static final int GRACE_SECONDS = 20;
    /** Card payments approved by the emulator while the application is killed. */
    private static final int PAID = 5;
    /** How long the restarted instance may take to settle everything (its timer runs a pass every minute). */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(150);

    /** The attendees' threads: one per payment in flight (the common pool has one thread on two cores). */
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(PAID + 1);

    /** Age of an unanswered Idempotency-Key claim past which its request is taken as dead (3 × the 30 s timeout). */
    private static final int ABANDON_SECONDS = 100;

    private static AppInstance app;
    private static String databaseUrl;
    private static byte[] secretKey;
    private static ApiClient api;
    private static TestOrders orders;
    /** The orders paid during the crash, each with "email" and "offering". */
    private static final List<JsonObject> approved = new ArrayList<>();
    /** The order whose payment was declined during the crash. */
    private static JsonObject declined;

    @BeforeAll
    static void oneInstanceWithTheReconcilerTimerOn() throws Exception {
        databaseUrl = freshDatabase(System.getProperty("it.db.url", ""));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secretKey = key;
        app = AppInstance.builder("crash").port(AppInstance.freePort())
                .env("ECOMMERCE_DB_URL", databaseUrl)
                .env("ECOMMERCE_SECRET_KEY", Base64.getEncoder().encodeToString(key))
                .env("ECOMMERCE_DATA_DIR", Path.of("target", "instances", "crash", "data").toAbsolutePath().toString())
                .env("ECOMMERCE_DEMO", "true")
                .env("ECOMMERCE_RECONCILE_SCHEDULED", "true")
                .env("ECOMMERCE_RECONCILE_GRACE_SECONDS", Integer.toString(GRACE_SECONDS))
                .env("ECOMMERCE_RECONCILE_BACKOFF_SECONDS", "10")
                .env("ECOMMERCE_PAYFLOW_CLIENT_TIMEOUT_SECONDS", "30")
                .env("ECOMMERCE_IDEMPOTENCY_ABANDON_AFTER_SECONDS", Integer.toString(ABANDON_SECONDS))
                .build();
        app.start().awaitServing();
        api = new ApiClient(app.base(), KEY);
        orders = new TestOrders(api);
        orders.configure(TestOrders.DEMO_PROVIDER);
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
        control().release();
        control().forceResult(0, 0);
        if (app != null) {
            app.stop();
        }
    }

    private static EmulatorControl control() {
        return EmulatorExtension.emulator().control();
    }

    @Test
    @Order(1)
    void paymentsInFlightWhenTheProcessIsKilledArePaidExactlyOnceAfterTheRestart() throws Exception {
        String offering = orders.offering("crash", "Crash recovery", "31.00", "USD");
        for (int i = 0; i < PAID; i++) {
            approved.add(withOffering(orders.place(offering, "crash-" + i), offering));
        }
        String declinedOffering = orders.offering("crash-declined", "Crash recovery declined", "32.00", "USD");
        declined = withOffering(orders.place(declinedOffering, "crash-declined"), declinedOffering);

        // The declined payment first, alone, so that the forced RESULT is surely its own; then the five at once.
        control().forceResult(12, 1).holdNext(1);
        List<CompletableFuture<ApiClient.Answer>> inFlight = new ArrayList<>();
        inFlight.add(pay(declined, "crash-declined"));
        assertThat(control().awaitHeld(1, Duration.ofSeconds(60))).as("the declined sale reached the emulator")
                .isTrue();
        control().holdNext(PAID);
        for (int i = 0; i < PAID; i++) {
            inFlight.add(pay(approved.get(i), "crash-" + i));
        }
        assertThat(control().awaitHeld(PAID + 1, Duration.ofSeconds(60))).as("every sale reached the emulator")
                .isTrue();

        // Processed and recorded by PayPal, PENDING in the application, nobody answered yet.
        for (JsonObject order : all()) {
            JsonObject now = orders.now(order);
            assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
            assertThat(now.getJsonArray("transactions")).singleElement()
                    .satisfies(t -> assertThat(((JsonObject) t).getString("status")).isEqualTo("PENDING"));
            JsonObject tx = transaction(now.getJsonArray("transactions").getJsonObject(0).getString("id"));
            assertThat(charges(tx.getString("custRef"))).as("PayPal has the sale, under the attempt's request id")
                    .singleElement().satisfies(c -> assertThat(c.requestId()).isEqualTo(tx.getString("requestId")));
        }
        assertThat(inFlight).noneMatch(CompletableFuture::isDone);
        // A second payment of an order whose first is in flight is refused before PayPal is called.
        int ledger = EmulatorExtension.emulator().transactions().size();
        ApiClient.Answer second = api.post("api/v1/orders/" + approved.get(0).getString("id") + "/payments", card(),
                "crash-second-" + approved.get(0).getString("id"));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().getString("type")).isEqualTo("/problems/order-state");
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger);

        app.kill();
        assertThat(app.refusesConnections()).isTrue();
        // The answers go nowhere: the connections they were meant for died with the process.
        assertThat(control().release()).isEqualTo(PAID + 1);
        for (CompletableFuture<ApiClient.Answer> f : inFlight) {
            try {
                ApiClient.Answer a = f.get(30, TimeUnit.SECONDS);
                throw new AssertionError("A payment answered although its server was killed: " + a);
            } catch (ExecutionException expected) {
                // the connection was reset
            }
        }

        app.restart().awaitServing();
        awaitSettled();

        JsonObject view = view();
        for (JsonObject order : approved) {
            JsonObject now = orders.now(order);
            assertThat(now.getString("status")).isEqualTo("PAID");
            assertThat(now.getJsonArray("transactions")).hasSize(1);
            String id = now.getJsonArray("transactions").getJsonObject(0).getString("id");
            JsonObject tx = transaction(id);
            List<TransactionRecord> sale = charges(tx.getString("custRef"));
            assertThat(sale).singleElement().satisfies(c -> {
                assertThat(c.trxType()).isEqualTo("S");
                assertThat(c.result()).isZero();
                assertThat(c.amount()).isEqualByComparingTo("31.00");
                assertThat(c.acctLastFour()).isEqualTo("1111");
            });
            assertThat(tx.getString("kind")).isEqualTo("SALE");
            assertThat(tx.getString("status")).isEqualTo("APPROVED");
            assertThat(tx.getString("reference")).isEqualTo(sale.get(0).pnref());
            assertThat(tx.getString("message")).startsWith("Settled by inquiry");
            assertThat(orders.granted(order, order.getString("offering"))).isTrue();
            JsonObject settled = item(view, "settled", id);
            assertThat(settled.getString("settledBy")).isEqualTo("RECONCILER");
            assertThat(settled.getString("status")).isEqualTo("APPROVED");
            assertThat(settled.getString("message")).startsWith("Settled by inquiry");
            assertThat(settled.getJsonObject("amount").getString("amount")).isEqualTo("31.00");
        }
        assertThat(items(view, "unresolved")).as("nothing left open").isEmpty();
        assertThat(app.logSinceLastStart()).contains("Reconciliation pass: ");
    }

    @Test
    @Order(2)
    void aPaymentDeclinedDuringTheCrashEndsDeclinedAndTheAttendeeCanPayAgain() {
        assertThat(declined).as("the crash of the first case happened").isNotNull();
        JsonObject now = orders.now(declined);
        assertThat(now.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(now.getJsonArray("transactions")).hasSize(1);
        String id = now.getJsonArray("transactions").getJsonObject(0).getString("id");
        JsonObject tx = transaction(id);
        assertThat(tx.getString("status")).isEqualTo("DECLINED");
        assertThat(tx.getString("result")).isEqualTo("12");
        String custRef = tx.getString("custRef");
        assertThat(charges(custRef)).singleElement().satisfies(c -> assertThat(c.result()).isEqualTo(12));
        assertThat(orders.granted(declined, declined.getString("offering"))).isFalse();
        JsonObject settled = item(view(), "settled", id);
        assertThat(settled.getString("settledBy")).isEqualTo("RECONCILER");
        assertThat(settled.getString("status")).isEqualTo("DECLINED");

        // The attendee pays again: approved, charged once, paid, granted.
        ApiClient.Answer again = api.post("api/v1/orders/" + declined.getString("id") + "/payments", card(),
                "crash-declined-again-" + declined.getString("id"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonObject second = again.json().getJsonObject("transaction");
        assertThat(second.getString("status")).isEqualTo("APPROVED");
        assertThat(charges(transaction(second.getString("id")).getString("custRef"))).singleElement()
                .satisfies(c -> {
                    assertThat(c.result()).isZero();
                    assertThat(c.amount()).isEqualByComparingTo("32.00");
                });
        JsonObject paid = orders.now(declined);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getJsonArray("transactions")).hasSize(2);
        assertThat(orders.granted(declined, declined.getString("offering"))).isTrue();
        assertThat(charges(custRef)).as("the declined attempt stays one declined sale").hasSize(1);
    }

    @Test
    @Order(3)
    void theKilledRequestRepeatedWithItsIdempotencyKeyGetsItsAnswerAndChargesNothing() throws Exception {
        assertThat(approved).as("the crash of the first case happened").hasSize(PAID);
        JsonObject order = approved.get(1);
        String paid = orders.now(order).getJsonArray("transactions").getJsonObject(0).getString("id");
        int ledger = EmulatorExtension.emulator().transactions().size();
        // The key's first request died with the process before storing its answer, after recording its attempt. Once
        // the claim is older than the abandon age (ABANDON_SECONDS) the repeat answers from that attempt, settled by
        // the reconciler: the answer the first request would have given. Nothing is sent.
        HttpResponse<String> repeat = repeatPayment(order, "crash-1-" + order.getString("id"));
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(201);
        JsonObject answer = Json.createReader(new StringReader(repeat.body())).readObject();
        assertThat(answer.getJsonObject("transaction").getString("id")).isEqualTo(paid);
        assertThat(answer.getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(answer.getJsonObject("transaction").getJsonObject("card").getString("last4")).isEqualTo("1111");
        assertThat(answer.getJsonObject("order").getString("status")).isEqualTo("PAID");
        // The answer is now stored: a second repeat replays it byte for byte.
        HttpResponse<String> again = repeatPayment(order, "crash-1-" + order.getString("id"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(repeat.body());
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger);
        JsonObject now = orders.now(order);
        assertThat(now.getString("status")).isEqualTo("PAID");
        assertThat(now.getJsonArray("transactions")).hasSize(1);
    }

    @Test
    @Order(4)
    void aKeyWhoseRequestDiedBeforeRecordingAnythingIsTakenOverAndPaysOnce() throws Exception {
        String offering = orders.offering("crash-early", "Crash before the attempt", "33.00", "USD");
        JsonObject order = orders.place(offering, "crash-early");
        String key = "crash-early-" + order.getString("id");
        // What a process killed between claiming the key and recording its attempt leaves: a claim an hour old, with
        // the request's MAC (the instance's secret key), no attempt and no answer.
        try (Connection c = DriverManager.getConnection(databaseUrl, System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
             PreparedStatement insert = c.prepareStatement("insert into idempotency_record (id, site_id, idem_key,"
                     + " scope, request_hash, created_at) select 990000001, site_id, ?, ?, ?, ? from purchase_order"
                     + " where public_id = ?")) {
            String scope = "payments:" + order.getString("id");
            insert.setString(1, key);
            insert.setString(2, scope);
            insert.setString(3, mac(scope + "\n" + Json.createReader(new StringReader(card())).readValue()));
            insert.setObject(4, java.time.OffsetDateTime.now().minusHours(1));
            insert.setString(5, order.getString("id"));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        int ledger = EmulatorExtension.emulator().transactions().size();
        HttpResponse<String> repeat = repeatPayment(order, key);
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(201);
        JsonObject answer = Json.createReader(new StringReader(repeat.body())).readObject();
        assertThat(answer.getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(answer.getJsonObject("order").getString("status")).isEqualTo("PAID");
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger + 1);
        HttpResponse<String> again = repeatPayment(order, key);
        assertThat(again.body()).isEqualTo(repeat.body());
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger + 1);
    }

    // ---- helpers

    private static List<JsonObject> all() {
        List<JsonObject> all = new ArrayList<>(approved);
        all.add(declined);
        return all;
    }

    private static JsonObject withOffering(JsonObject order, String offering) {
        return Json.createObjectBuilder(order).add("offering", offering).build();
    }

    /** Starts a card payment of {@code order} through the API in the background; it blocks while the answer is held. */
    private static CompletableFuture<ApiClient.Answer> pay(JsonObject order, String key) {
        return CompletableFuture.supplyAsync(() -> api.post("api/v1/orders/" + order.getString("id") + "/payments",
                card(), key + "-" + order.getString("id")), CLIENTS);
    }

    /**
     * Polls the API until every order of this class has no open transaction left: the paid ones PAID, the declined
     * one's transaction DECLINED.
     *
     * @throws AssertionError with the reconciliation view when {@link #SETTLE_LIMIT} passes first
     */
    private static void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = approved.stream().allMatch(o -> "PAID".equals(orders.now(o).getString("status")))
                    && !"PENDING".equals(orders.now(declined).getJsonArray("transactions").getJsonObject(0)
                    .getString("status"));
            if (done) {
                return;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("Not settled within " + SETTLE_LIMIT + ": " + view() + "\nlog:\n" + app.logTail(80));
    }

    /** POSTs the card payment of {@code order} again with {@code key}, as a client repeating its request. */
    private static HttpResponse<String> repeatPayment(JsonObject order, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.base().resolve(
                        "api/v1/orders/" + order.getString("id") + "/payments")).timeout(Duration.ofSeconds(180))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(card())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application's keyed MAC (SecretCipher.mac, purpose "idempotency") under this class's secret key. */
    private static String mac(String data) throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(secretKey, "HmacSHA256"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(derive.doFinal("idempotency".getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** The card body, its members in name order: as the application's canonical form of it (Json.canonical). */
    private static String card() {
        return """
                {"card": {"cvv": "123", "expiry": "1230", "holder": "Pat Pal", "number": "%s"}}""".formatted(VISA);
    }

    private static JsonObject transaction(String id) {
        ApiClient.Answer a = api.get("api/v1/transactions/" + id);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Sales and authorizations the emulator recorded for CUSTREF {@code custRef} (inquiries left out). */
    private static List<TransactionRecord> charges(String custRef) {
        return EmulatorExtension.emulator().transactions().stream()
                .filter(t -> ("S".equals(t.trxType()) || "A".equals(t.trxType())) && custRef.equals(t.custref()))
                .toList();
    }

    private static JsonObject view() {
        ApiClient.Answer a = api.get("api/v1/reconciliation?size=500");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static List<JsonObject> items(JsonObject view, String list) {
        return view.getJsonObject(list).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonObject item(JsonObject view, String list, String transactionId) {
        return items(view, list).stream().filter(i -> transactionId.equals(i.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(transactionId + " not in " + list + ": " + view));
    }

    /** Recreates {@code <database of itUrl>_crash} on the same server; returns its JDBC URL. */
    private static String freshDatabase(String itUrl) throws Exception {
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)").matcher(itUrl);
        assertThat(m.matches()).as(itUrl).isTrue();
        String name = m.group(2) + "_crash";
        try (Connection c = DriverManager.getConnection(m.group(1) + "postgres", System.getProperty("it.db.user"),
                System.getProperty("it.db.password")); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return m.group(1) + name + m.group(3);
    }
}
