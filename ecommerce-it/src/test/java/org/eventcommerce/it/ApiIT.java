package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.eventcommerce.emulator.TransactionRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform API (../shared/API.md) on the built WAR in Payara Micro, paying through the PayPal emulator
 * in Test mode with the demo site. One server boot for every case (stack-notes trap 10).
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class ApiIT {

    private static final String KEY = "demo-platform-key";
    private static final String VISA = "4111111111111111";

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private final String run = Long.toString(System.nanoTime(), 36);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(Deployments.loopback(deployed), KEY);
    }

    private String offering(String id, String fee) {
        ApiClient.Answer put = api.put("api/v1/offerings/" + id, """
                {"title": "Session %s", "service": "TRAINING", "type": "TRAINING_SESSION",
                 "host": "host-%s@example.com", "startsAt": "2027-03-01T15:00:00+02:00",
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(id, run, fee));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        return id;
    }

    private JsonObject order(String offeringId, String email) {
        ApiClient.Answer a = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Ann Smith"}}""".formatted(offeringId, email));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    private static String card(String number) {
        return """
                {"card": {"number": "%s", "expiry": "1230", "cvv": "123", "holder": "Ann Smith"}}""".formatted(number);
    }

    private List<TransactionRecord> emulatorSales(String custRefOrNull) {
        return EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "S".equals(t.trxType()))
                .filter(t -> custRefOrNull == null || custRefOrNull.equals(t.custref())).toList();
    }

    @Test
    void approvedPurchaseGrantsTheEntitlement() {
        String offering = offering("ok-" + run, "49.90");
        String email = "buyer-" + run + "@example.com";
        JsonObject order = order(offering, email);
        assertThat(order.getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.getJsonObject("total").getString("amount")).isEqualTo("49.90");
        assertThat(order.getString("paymentPageUrl")).contains("/pay/" + order.getString("id") + "?sig=");

        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "pay-" + run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonObject tx = paid.json().getJsonObject("transaction");
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(tx.getString("result")).isEqualTo("0");
        assertThat(tx.getString("reference")).hasSize(12);
        assertThat(tx.getJsonObject("card").getString("last4")).isEqualTo("1111");
        assertThat(paid.json().getJsonObject("order").getString("status")).isEqualTo("PAID");

        // The emulator saw exactly one sale for this amount, with CURRENCY and the reference we stored.
        List<TransactionRecord> sales = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> tx.getString("reference").equals(t.pnref())).toList();
        assertThat(sales).hasSize(1);
        assertThat(sales.get(0).amount()).isEqualByComparingTo("49.90");
        assertThat(sales.get(0).currency()).isEqualTo("USD");
        assertThat(sales.get(0).acctLastFour()).isEqualTo("1111");

        JsonObject ent = api.get("api/v1/entitlements?attendee=" + email.toUpperCase() + "&offering=" + offering).json();
        assertThat(ent.getBoolean("granted")).isTrue();
        assertThat(ent.getString("orderId")).isEqualTo(order.getString("id"));

        JsonObject again = api.get("api/v1/orders/" + order.getString("id")).json();
        assertThat(again.getJsonArray("transactions")).hasSize(1);

        // Paying a paid order is refused, and ordering again after access is refused.
        ApiClient.Answer twice = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "pay2-" + run);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("type")).isEqualTo("/problems/order-state");
        ApiClient.Answer reorder = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s"}}""".formatted(offering, email));
        assertThat(reorder.status()).isEqualTo(409);
    }

    @Test
    void declinedPurchaseGrantsNothing() {
        String offering = offering("decline-" + run, "1012.00");
        String email = "declined-" + run + "@example.com";
        JsonObject order = order(offering, email);
        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "decline-" + run);
        assertThat(paid.status()).isEqualTo(201);
        JsonObject tx = paid.json().getJsonObject("transaction");
        assertThat(tx.getString("status")).isEqualTo("DECLINED");
        assertThat(tx.getString("result")).isEqualTo("12");
        assertThat(paid.json().getJsonObject("order").getString("status")).isEqualTo("AWAITING_PAYMENT");
        JsonObject ent = api.get("api/v1/entitlements?attendee=" + email + "&offering=" + offering).json();
        assertThat(ent.getBoolean("granted")).isFalse();
        assertThat(ent.get("orderId")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void anOrderWithManyTransactionsStillAnswersAndReplaysEachOne() {
        // FuzzIT seed 2119233277540367623: the answer of a money-moving write holds the order with all its
        // transactions; past some thirty it outgrew the stored answer's column (8000), and the write, already sent,
        // got a 500 (and its key was released, so a repeat would have sent it again). Declines on one order are
        // throttled now (ten), so here: a payment and forty partial refunds.
        String offering = offering("many-" + run, "900.00");
        JsonObject order = order(offering, "many-" + run + "@example.com");
        String id = order.getString("id");
        ApiClient.Answer paid = api.post("api/v1/orders/" + id + "/payments", card(VISA), "many-pay-" + run);
        assertThat(paid.json().getJsonObject("order").getString("status")).as(paid.body()).isEqualTo("PAID");
        String refund = "{\"amount\": {\"amount\": \"0.01\", \"currency\": \"USD\"}}";
        ApiClient.Answer last = null;
        for (int i = 0; i < 40; i++) {
            last = api.post("api/v1/orders/" + id + "/refunds", refund, "many-" + run + "-" + i);
            assertThat(last.status()).as("refund %d: %s", i, last.body()).isEqualTo(201);
        }
        assertThat(last.body().length()).isGreaterThan(8000);
        assertThat(last.json().getJsonObject("order").getJsonArray("transactions")).hasSize(41);
        int ledger = EmulatorExtension.emulator().transactions().size();
        ApiClient.Answer repeat = api.post("api/v1/orders/" + id + "/refunds", refund, "many-" + run + "-39");
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(last.body());
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(ledger);
    }

    @Test
    void aPagePastTheLastPossibleRowIsRefusedOnItsField() {
        // Fresh-user trial (issue 5): page * size overflowed an int: 500 on promotion codes and transactions, and
        // the first page again on the reconciliation view.
        for (String path : List.of("api/v1/promotion-codes?page=42949673&size=50",
                "api/v1/transactions?page=2147483647&size=50", "api/v1/reconciliation?page=2147483647&size=50")) {
            ApiClient.Answer a = api.get(path);
            assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("page");
        }
        assertThat(api.get("api/v1/promotion-codes?page=42949672&size=50").status()).isEqualTo(200);
    }

    @Test
    void theSameKeySentSixTimesAtOnceChargesOnceAndEveryAnswerIsTheFirst() throws Exception {
        // Fresh-user trial (issue 5): of six simultaneous requests with one key and body, two answered 409
        // order-state instead of the first request's answer.
        String offering = offering("samekey-" + run, "31.00");
        JsonObject order = order(offering, "samekey-" + run + "@example.com");
        String path = "api/v1/orders/" + order.getString("id") + "/payments";
        int n = 6;
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(n);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        List<ApiClient.Answer> answers = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<ApiClient.Answer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return api.post(path, card(VISA), "samekey-" + run);
                }));
            }
            for (var f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (ApiClient.Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            assertThat(a.body()).isEqualTo(answers.getFirst().body());
        }
        assertThat(api.get("api/v1/orders/" + order.getString("id")).json().getJsonArray("transactions")).hasSize(1);
    }

    @Test
    void heldForReviewGrantsNothing() {
        String offering = offering("held-" + run, "1126.00");
        String email = "held-" + run + "@example.com";
        JsonObject order = order(offering, email);
        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "held-" + run);
        JsonObject tx = paid.json().getJsonObject("transaction");
        assertThat(tx.getString("status")).isEqualTo("HELD");
        assertThat(tx.getString("result")).isEqualTo("126");
        assertThat(api.get("api/v1/entitlements?attendee=" + email + "&offering=" + offering).json()
                .getBoolean("granted")).isFalse();
        // While held, no second attempt may start.
        ApiClient.Answer again = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "held2-" + run);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aRetriedPaymentWithTheSameIdempotencyKeyChargesOnce() {
        String offering = offering("idem-" + run, "30.00");
        JsonObject order = order(offering, "idem-" + run + "@example.com");
        String path = "api/v1/orders/" + order.getString("id") + "/payments";
        int salesBefore = emulatorSales(null).size();
        ApiClient.Answer first = api.post(path, card(VISA), "idem-" + run);
        ApiClient.Answer second = api.post(path, card(VISA), "idem-" + run);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().getJsonObject("transaction").getString("id"))
                .isEqualTo(first.json().getJsonObject("transaction").getString("id"));
        assertThat(emulatorSales(null).size() - salesBefore).isEqualTo(1);
        assertThat(api.get("api/v1/orders/" + order.getString("id")).json().getJsonArray("transactions")).hasSize(1);

        ApiClient.Answer conflict = api.post(path, card("5555555555554444"), "idem-" + run);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().getString("type")).isEqualTo("/problems/idempotency-conflict");
    }

    @Test
    void aLostAnswerIsRecoveredByResendingTheSameAttemptAndChargesOnce() {
        // The emulator processes and records the sale, then drops the connection: the outcome is unknown.
        // The application resends the same attempt (same X-VPS-REQUEST-ID) and gets the first answer back
        // with DUPLICATE=1 instead of a second charge.
        String offering = offering("drop-" + run, "40.00");
        String email = "drop-" + run + "@example.com";
        JsonObject order = order(offering, email);
        EmulatorExtension.emulator().control().dropNext(1);
        JsonObject tx = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA), "drop-" + run)
                .json().getJsonObject("transaction");
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        List<TransactionRecord> sales = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> tx.getString("reference").equals(t.pnref())).toList();
        assertThat(sales).hasSize(1);
        assertThat(api.get("api/v1/entitlements?attendee=" + email + "&offering=" + offering).json()
                .getBoolean("granted")).isTrue();
    }

    @Test
    void anAnswerLaterThanTheClientTimeoutIsRecoveredWithoutASecondCharge() {
        // The deployed application's Payflow client timeout is 5 s in the tests (failsafe configuration).
        String offering = offering("slow-" + run, "41.00");
        String email = "slow-" + run + "@example.com";
        JsonObject order = order(offering, email);
        EmulatorExtension.emulator().control().delayNext(8_000, 1);
        JsonObject answer = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA),
                "slow-" + run).json();
        JsonObject tx = answer.getJsonObject("transaction");
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(answer.getJsonObject("order").getString("status")).isEqualTo("PAID");
        long salesForThisAmount = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "S".equals(t.trxType()) && tx.getString("reference").equals(t.pnref())).count();
        assertThat(salesForThisAmount).isEqualTo(1);
        assertThat(api.get("api/v1/orders/" + order.getString("id")).json().getJsonArray("transactions")).hasSize(1);
    }

    @Test
    void validationErrorsAreProblemsNamingEachFieldAndWriteNothing() {
        ApiClient.Answer bad = api.put("api/v1/offerings/bad-" + run, """
                {"title": "", "service": "CONCERTS", "type": "TRAINING_SESSION", "host": "not-an-email",
                 "fee": {"amount": "10.001", "currency": "USD"}, "colour": "red"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        JsonObject p = bad.json();
        assertThat(p.getString("type")).isEqualTo("/problems/validation");
        assertThat(p.getInt("status")).isEqualTo(400);
        List<String> fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertThat(fields).contains("colour", "title", "service", "fee.amount");
        assertThat(api.get("api/v1/offerings/bad-" + run).status()).isEqualTo(404);

        ApiClient.Answer notJson = api.post("api/v1/orders", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().getString("type")).isEqualTo("/problems/validation");

        // A card failing Luhn is refused before any provider call, and no transaction is recorded.
        String offering = offering("luhn-" + run, "12.00");
        JsonObject order = order(offering, "luhn-" + run + "@example.com");
        int before = EmulatorExtension.emulator().transactions().size();
        ApiClient.Answer luhn = api.post("api/v1/orders/" + order.getString("id") + "/payments",
                card("4111111111111112"), "luhn-" + run);
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("card.number");
        assertThat(luhn.body()).doesNotContain("4111111111111112");
        assertThat(EmulatorExtension.emulator().transactions()).hasSize(before);
        assertThat(api.get("api/v1/orders/" + order.getString("id")).json().getJsonArray("transactions")).isEmpty();

        ApiClient.Answer noKey = api.post("api/v1/orders/" + order.getString("id") + "/payments", card(VISA));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void inputsFoundByTheFirstTrialAreRefusedWithReadableMessages() {
        // A 201-character attendee name used to fail with a 500 (column too short).
        String offering = offering("names-" + run, "10.00");
        ApiClient.Answer longName = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "long-%s@example.com", "name": "%s"}}"""
                .formatted(offering, run, "N".repeat(201)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("attendee.name");

        // Amount errors are sentences, not bundle keys; an unknown currency is reported on the currency.
        ApiClient.Answer decimals = api.put("api/v1/offerings/dec-" + run, """
                {"title": "T", "service": "EVENTS", "type": "RECORDING", "host": "h@example.com",
                 "fee": {"amount": "12.345", "currency": "USD"}}""");
        JsonObject err = decimals.json().getJsonArray("errors").getJsonObject(0);
        assertThat(err.getString("field")).isEqualTo("fee.amount");
        assertThat(err.getString("message")).isEqualTo("USD amounts have at most 2 decimals.");
        ApiClient.Answer xxx = api.put("api/v1/offerings/xxx-" + run, """
                {"title": "T", "service": "EVENTS", "type": "RECORDING", "host": "h@example.com",
                 "fee": {"amount": "12.00", "currency": "XXX"}}""");
        assertThat(xxx.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("fee.currency");

        // PayPal takes at most 10,000.00 in one payment.
        ApiClient.Answer tooBig = api.put("api/v1/offerings/big-" + run, """
                {"title": "T", "service": "EVENTS", "type": "RECORDING", "host": "h@example.com",
                 "fee": {"amount": "10000.01", "currency": "USD"}}""");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("10000.00");

        // What GET /settings shows can be sent back with PUT unchanged.
        ApiClient.Answer roundTrip = api.put("api/v1/settings", api.get("api/v1/settings").body());
        assertThat(roundTrip.status()).as(roundTrip.body()).isEqualTo(200);

        // Method and media-type errors are problems with a readable title.
        ApiClient.Answer wrongMethod = api.post("api/v1/entitlements", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().getString("title")).isEqualTo("Method Not Allowed");
    }

    @Test
    void settingsNeverReturnPasswordsAndRefuseInvalidValues() {
        ApiClient.Answer s = api.get("api/v1/settings");
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.body()).doesNotContain("emulator-pw1").doesNotContain("\"password\"");
        JsonObject json = s.json();
        assertThat(json.getJsonObject("services").getBoolean("EVENTS")).isTrue();
        assertThat(json.getString("mode")).isEqualTo("TEST");
        assertThat(json.getJsonObject("provider").getString("type")).isEqualTo("PAYFLOW_PRO");

        ApiClient.Answer bad = api.put("api/v1/settings", """
                {"supportInfo": "call me maybe", "provider": {"currency": "EUR", "acceptedCards": ["VISA_DEBIT"]}}""");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertThat(fields).contains("supportInfo", "provider.currency", "provider.acceptedCards");
        assertThat(api.get("api/v1/settings").json().getString("supportInfo")).isEqualTo(json.getString("supportInfo"));
    }

    @Test
    void everyCallNeedsTheSitesApiKey() {
        URI base = Deployments.loopback(deployed);
        for (ApiClient client : List.of(new ApiClient(base, null), new ApiClient(base, "wrong-key"))) {
            ApiClient.Answer a = client.get("api/v1/settings");
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.json().getString("type")).isEqualTo("/problems/unauthorized");
            assertThat(client.get("api/v1/entitlements?attendee=a@b.c&offering=x").status()).isEqualTo(401);
            // The entitlement check matches the key in its own statement: an unknown key still learns nothing
            // about its parameters (401, not 400), and the trivial ping is refused the same way.
            ApiClient.Answer badParams = client.get("api/v1/entitlements?attendee=not-an-email");
            assertThat(badParams.status()).isEqualTo(401);
            assertThat(badParams.json().getString("type")).isEqualTo("/problems/unauthorized");
            assertThat(badParams.contentType()).startsWith("application/problem+json");
            assertThat(client.get("api/v1/ping").status()).isEqualTo(401);
        }
    }

    @Test
    void pingAndTheEntitlementChecksParameters() {
        ApiClient.Answer ping = api.get("api/v1/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().getBoolean("ok")).isTrue();

        ApiClient.Answer bad = api.get("api/v1/entitlements?attendee=not-an-email");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList()).containsExactly("attendee", "offering");
        JsonObject none = api.get("api/v1/entitlements?attendee=nobody-" + run + "@example.com&offering=none-" + run)
                .json();
        assertThat(none.getBoolean("granted")).isFalse();
        assertThat(none.get("orderId")).isEqualTo(JsonValue.NULL);
        assertThat(none.get("grantedAt")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void theOpenApiDocumentCoversTheContractsOperations() {
        ApiClient.Answer doc = new ApiClient(Deployments.loopback(deployed), null).get("/openapi");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/offerings/{id}", "/api/v1/settings", "/api/v1/orders",
                "/api/v1/orders/{id}", "/api/v1/orders/{id}/payments", "/api/v1/entitlements", "/api/v1/ping");
    }
}
