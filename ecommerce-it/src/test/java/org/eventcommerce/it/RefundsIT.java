package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Refunds ({@code POST /api/v1/orders/{id}/refunds}) and voids of held payments on the built WAR against the PayPal
 * emulator (issue 4): Payflow credits against the sale's PNREF in its currency, partial and full, the refundable
 * limit (also under two refunds released at once), idempotent replay, a declined credit, and a sale held for
 * review (RESULT 126) voided. One server boot.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class RefundsIT {

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
                {"title": "Refundable %s", "service": "EVENTS", "type": "RECORDING",
                 "host": "host-%s@example.com", "fee": {"amount": "%s", "currency": "USD"}}""".formatted(id, run, fee));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        return id;
    }

    private JsonObject order(String offeringId, String email, String code) {
        ApiClient.Answer a = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Ann Smith"}%s}""".formatted(offeringId, email,
                code == null ? "" : ", \"promotionCode\": \"" + code + "\""));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    /** Places and pays an order; returns the payment answer. */
    private JsonObject paid(String offeringId, String email, String code) {
        JsonObject order = order(offeringId, email, code);
        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", """
                {"card": {"number": "%s", "expiry": "1230", "cvv": "123", "holder": "Ann Smith"}}""".formatted(VISA),
                "pay-" + order.getString("id"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json();
    }

    /** A paid order of a new offering at {@code fee} (USD) for a new attendee. */
    private record Paid(String offering, String email, String orderId, String pnref, JsonObject answer) {
    }

    private Paid paidOrder(String name, String fee) {
        String offering = offering(name + "-" + run, fee);
        String email = name + "-" + run + "@example.com";
        JsonObject payment = paid(offering, email, null);
        return new Paid(offering, email, payment.getJsonObject("order").getString("id"),
                payment.getJsonObject("transaction").getString("reference"), payment);
    }

    private ApiClient.Answer refund(String orderId, String body, String key) {
        return api.post("api/v1/orders/" + orderId + "/refunds", body, key);
    }

    private boolean granted(String email, String offering) {
        return api.get("api/v1/entitlements?attendee=" + email + "&offering=" + offering).json().getBoolean("granted");
    }

    private JsonObject entitlement(String email, String offering) {
        ApiClient.Answer a = api.get("api/v1/entitlements?attendee=" + email + "&offering=" + offering);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void aFullRefundRevokesAccessAtOnceAndBuyingAgainGrantsItThroughTheNewOrder() {
        Paid p = paidOrder("revoke", "20.00");
        JsonObject before = entitlement(p.email(), p.offering());
        assertThat(before.getBoolean("granted")).isTrue();
        assertThat(before.getString("orderId")).isEqualTo(p.orderId());

        ApiClient.Answer r = refund(p.orderId(), "", "revoke-" + run);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // The very next check, right after the refund's answer, says no: the site's entitlement snapshot catches up
        // with the counter the refund moved, in the check's own request.
        JsonObject after = entitlement(p.email(), p.offering());
        assertThat(after.getBoolean("granted")).isFalse();
        assertThat(after.get("orderId")).isEqualTo(JsonValue.NULL);
        assertThat(after.get("grantedAt")).isEqualTo(JsonValue.NULL);

        // Buying again re-grants the same entitlement row through the new order, which the check names.
        JsonObject again = paid(p.offering(), p.email(), null);
        String newOrder = again.getJsonObject("order").getString("id");
        assertThat(newOrder).isNotEqualTo(p.orderId());
        JsonObject regranted = entitlement(p.email().toUpperCase(), p.offering());
        assertThat(regranted.getBoolean("granted")).isTrue();
        assertThat(regranted.getString("orderId")).isEqualTo(newOrder);
        // An instant with the offset of the demo site's zone at that instant.
        OffsetDateTime at = OffsetDateTime.parse(regranted.getString("grantedAt"));
        assertThat(at.getOffset()).isEqualTo(ZoneId.of("America/New_York").getRules().getOffset(at.toInstant()));
        assertThat(at.toInstant()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
    }

    private static List<TransactionRecord> credits(String salePnref) {
        return EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "C".equals(t.trxType()) && salePnref.equals(t.origId())).toList();
    }

    @Test
    void aFullRefundRevokesAccessAndReleasesThePromotionCodeUse() {
        assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        String code = ("RF" + run).toUpperCase();
        ApiClient.Answer created = api.post("api/v1/promotion-codes", """
                {"service": "EVENTS", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "ONCE"},
                 "discount": {"type": "FIXED", "amount": {"amount": "5.00", "currency": "USD"}},
                 "expiresOn": "%s", "appliesTo": "ALL", "sendEmail": false}"""
                .formatted(code, LocalDate.now().plusYears(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String offering = offering("full-" + run, "30.00");
        String email = "full-" + run + "@example.com";
        JsonObject payment = paid(offering, email, code);
        String orderId = payment.getJsonObject("order").getString("id");
        String pnref = payment.getJsonObject("transaction").getString("reference");
        assertThat(granted(email, offering)).isTrue();

        // No body: the whole remainder (the 25.00 actually paid, not the 30.00 list price).
        ApiClient.Answer r = refund(orderId, "", "full-" + run);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject tx = r.json().getJsonObject("transaction");
        assertThat(tx.getString("kind")).isEqualTo("CREDIT");
        assertThat(tx.getString("status")).isEqualTo("APPROVED");
        assertThat(tx.getJsonObject("amount").getString("amount")).isEqualTo("25.00");
        assertThat(tx.getString("original")).isEqualTo(payment.getJsonObject("transaction").getString("id"));
        JsonObject order = r.json().getJsonObject("order");
        assertThat(order.getString("status")).isEqualTo("REFUNDED");
        assertThat(order.getJsonObject("refunded").getString("amount")).isEqualTo("25.00");

        // PayPal received one credit against the sale, for 25.00 in USD.
        List<TransactionRecord> credits = credits(pnref);
        assertThat(credits).hasSize(1);
        assertThat(credits.get(0).amount()).isEqualByComparingTo("25.00");
        assertThat(credits.get(0).currency()).isEqualTo("USD");
        assertThat(credits.get(0).result()).isZero();

        assertThat(granted(email, offering)).isFalse();
        JsonObject usage = api.get("api/v1/promotion-codes?code=" + code).json().getJsonArray("items")
                .getJsonObject(0).getJsonObject("usage");
        assertThat(usage.getInt("used")).as("the use is released").isZero();
        // The single-use code can be used again, and the refunded attendee may buy again.
        JsonObject again = paid(offering, "other-" + run + "@example.com", code);
        assertThat(again.getJsonObject("order").getString("status")).isEqualTo("PAID");
        assertThat(order(offering, email, null).getString("status")).isEqualTo("AWAITING_PAYMENT");

        // Nothing is left to refund.
        ApiClient.Answer more = refund(orderId, "", "full2-" + run);
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.contentType()).startsWith("application/problem+json");
        assertThat(more.json().getString("type")).isEqualTo("/problems/refund-exceeds-refundable");
    }

    @Test
    void partialRefundsThenTheRestAndNeverMore() {
        Paid p = paidOrder("part", "100.00");
        String offering = p.offering();
        String email = p.email();
        String orderId = p.orderId();
        String pnref = p.pnref();

        ApiClient.Answer first = refund(orderId, "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"USD\"}}",
                "p1-" + run);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getJsonObject("order").getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(granted(email, offering)).as("a partial refund keeps access").isTrue();

        // More than what is left, another currency, too many decimals, zero: refused, nothing sent to PayPal.
        ApiClient.Answer tooMuch = refund(orderId, "{\"amount\": {\"amount\": \"70.01\", \"currency\": \"USD\"}}",
                "p2-" + run);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().getString("type")).isEqualTo("/problems/refund-exceeds-refundable");
        ApiClient.Answer cad = refund(orderId, "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"CAD\"}}",
                "p3-" + run);
        assertThat(cad.status()).isEqualTo(422);
        assertThat(cad.json().getString("type")).isEqualTo("/problems/currency-mismatch");
        ApiClient.Answer decimals = refund(orderId, "{\"amount\": {\"amount\": \"10.001\", \"currency\": \"USD\"}}",
                "p4-" + run);
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("amount.amount");
        ApiClient.Answer zero = refund(orderId, "{\"amount\": {\"amount\": \"0.00\", \"currency\": \"USD\"}}",
                "p5-" + run);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(credits(pnref)).hasSize(1);
        JsonObject state = api.get("api/v1/orders/" + orderId).json();
        assertThat(state.getJsonArray("transactions").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("kind").equals("CREDIT")).toList()).hasSize(1);

        ApiClient.Answer rest = refund(orderId, "{}", "p6-" + run);
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().getJsonObject("transaction").getJsonObject("amount").getString("amount"))
                .isEqualTo("70.00");
        assertThat(rest.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
        assertThat(credits(pnref)).extracting(TransactionRecord::currency).containsOnly("USD");
        assertThat(granted(email, offering)).isFalse();

        // An order that was never paid has nothing to refund.
        JsonObject unpaid = order(offering("unpaid-" + run, "10.00"), "unpaid-" + run + "@example.com", null);
        ApiClient.Answer notPaid = refund(unpaid.getString("id"), "", "p7-" + run);
        assertThat(notPaid.status()).isEqualTo(409);
        assertThat(notPaid.json().getString("type")).isEqualTo("/problems/order-not-paid");
    }

    @Test
    void twoRefundsOfTheWholeAmountAtOnceRefundItOnce() throws Exception {
        Paid p = paidOrder("race", "60.00");
        String orderId = p.orderId();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String key = "race-" + i + "-" + run;
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return refund(orderId, "", key);
                }));
            }
            List<ApiClient.Answer> done = new ArrayList<>();
            for (Future<ApiClient.Answer> f : answers) {
                done.add(f.get());
            }
            assertThat(done).extracting(ApiClient.Answer::status).containsExactlyInAnyOrder(201, 422);
            ApiClient.Answer winner = done.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
            assertThat(winner.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(credits(p.pnref())).hasSize(1);
        List<JsonObject> approvedCredits = api.get("api/v1/orders/" + orderId).json().getJsonArray("transactions")
                .getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("kind").equals("CREDIT") && t.getString("status").equals("APPROVED")).toList();
        assertThat(approvedCredits).hasSize(1);
    }

    @Test
    void aRepeatedRefundWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        Paid p = paidOrder("idem", "20.00");
        String orderId = p.orderId();
        String body = "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}";
        ApiClient.Answer first = refund(orderId, body, "idem-" + run);
        ApiClient.Answer second = refund(orderId, body, "idem-" + run);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(credits(p.pnref())).hasSize(1);
        ApiClient.Answer conflict = refund(orderId, "{\"amount\": {\"amount\": \"6.00\", \"currency\": \"USD\"}}",
                "idem-" + run);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().getString("type")).isEqualTo("/problems/idempotency-conflict");
        ApiClient.Answer noKey = refund(orderId, body, null);
        assertThat(noKey.status()).isEqualTo(400);
        // The same request written differently (white space) is the same request: a replay, not a conflict.
        ApiClient.Answer spaced = refund(orderId, "{ \"amount\" : {\"amount\": \"5.00\",\n \"currency\": \"USD\"} }",
                "idem-" + run);
        assertThat(spaced.status()).as(spaced.body()).isEqualTo(201);
        assertThat(spaced.body()).isEqualTo(first.body());
        // An empty body and {} both mean "the whole remainder" (found by the fresh-user trial: they conflicted).
        ApiClient.Answer empty = refund(orderId, "", "rest-" + run);
        ApiClient.Answer braces = refund(orderId, "{}", "rest-" + run);
        assertThat(empty.status()).as(empty.body()).isEqualTo(201);
        assertThat(braces.status()).as(braces.body()).isEqualTo(201);
        assertThat(braces.body()).isEqualTo(empty.body());
        assertThat(credits(p.pnref())).hasSize(2);
    }

    @Test
    void aNullAmountIsRefusedNotTakenForTheWholeRemainder() {
        // The fresh-user trial sent {"amount": null} and had the whole remainder refunded.
        Paid p = paidOrder("null", "12.00");
        ApiClient.Answer a = refund(p.orderId(), "{\"amount\": null}", "null-" + run);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("amount");
        assertThat(credits(p.pnref())).isEmpty();
    }

    @Test
    void aDeclinedCreditIsRecordedAndChangesNothing() {
        Paid p = paidOrder("dcl", "15.00");
        String orderId = p.orderId();
        EmulatorExtension.emulator().control().forceResult(105, 1);
        ApiClient.Answer r = refund(orderId, "", "dcl-" + run);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonObject("transaction").getString("status")).isEqualTo("DECLINED");
        assertThat(r.json().getJsonObject("transaction").getString("result")).isEqualTo("105");
        assertThat(r.json().getJsonObject("order").getString("status")).isEqualTo("PAID");
        assertThat(r.json().getJsonObject("order").getJsonObject("refunded").getString("amount")).isEqualTo("0.00");
        assertThat(granted(p.email(), p.offering())).isTrue();
        // The declined credit took nothing: the whole amount can still be refunded.
        ApiClient.Answer again = refund(orderId, "", "dcl2-" + run);
        assertThat(again.json().getJsonObject("transaction").getJsonObject("amount").getString("amount"))
                .isEqualTo("15.00");
        assertThat(again.json().getJsonObject("order").getString("status")).isEqualTo("REFUNDED");
    }

    @Test
    void aSaleHeldForReviewGrantsNothingAndIsVoided() {
        EmulatorExtension.emulator().control().forceResult(126, 1);
        Paid p = paidOrder("held", "45.00");
        String offering = p.offering();
        String email = p.email();
        JsonObject payment = p.answer();
        JsonObject sale = payment.getJsonObject("transaction");
        assertThat(sale.getString("status")).isEqualTo("HELD");
        String orderId = payment.getJsonObject("order").getString("id");
        assertThat(payment.getJsonObject("order").getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(granted(email, offering)).isFalse();
        // A held payment is not money to refund.
        assertThat(refund(orderId, "", "held-r-" + run).json().getString("type")).isEqualTo("/problems/order-not-paid");

        ApiClient.Answer v = api.post("api/v1/orders/" + orderId + "/voids", "", "held-v-" + run);
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        assertThat(v.json().getJsonObject("transaction").getString("kind")).isEqualTo("VOID");
        assertThat(v.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(v.json().getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        assertThat(granted(email, offering)).isFalse();
        List<TransactionRecord> voids = EmulatorExtension.emulator().transactions().stream()
                .filter(t -> "V".equals(t.trxType()) && sale.getString("reference").equals(t.origId())).toList();
        assertThat(voids).hasSize(1);
        assertThat(voids.get(0).currency()).isEqualTo("USD");
        List<JsonObject> txs = api.get("api/v1/orders/" + orderId).json().getJsonArray("transactions")
                .getValuesAs(JsonObject.class);
        assertThat(txs).extracting(t -> t.getString("kind") + ":" + t.getString("status"))
                .containsExactly("SALE:DECLINED", "VOID:APPROVED");
        // Nothing more to void; the attendee may order again.
        ApiClient.Answer twice = api.post("api/v1/orders/" + orderId + "/voids", "", "held-v2-" + run);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("type")).isEqualTo("/problems/transaction-state");
        assertThat(order(offering, email, null).getString("status")).isEqualTo("AWAITING_PAYMENT");
    }
}
