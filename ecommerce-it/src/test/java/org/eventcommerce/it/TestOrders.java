package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Orders and settings shared by the payment ITs, through the platform API. */
final class TestOrders {

    /** The demo's provider block (Payflow Pro on the emulator's test account), put back after each case. */
    static final String DEMO_PROVIDER = """
            {"mode": "TEST", "provider": {"type": "PAYFLOW_PRO", "accountType": "PAYFLOW_PRO",
              "acceptedCards": ["VISA", "MASTERCARD", "AMEX", "DISCOVER"], "expressCheckout": false, "currency": "USD",
              "credentials": {"TEST": {"partnerId": "PayPal", "vendor": "demomerchant", "user": "demomerchant"}}}}""";

    private final ApiClient api;

    TestOrders(ApiClient api) {
        this.api = api;
    }

    /** Puts {@code settingsJson} through {@code PUT /api/v1/settings}, which must accept it. */
    void configure(String settingsJson) {
        ApiClient.Answer a = api.put("api/v1/settings", settingsJson);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /**
     * A new training session {@code <prefix>-<unique>} with the fee {@code amount} {@code currency} (e.g. "40.00",
     * "GBP"), hosted by a fresh host; returns its id.
     */
    String offering(String prefix, String title, String amount, String currency) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        ApiClient.Answer off = api.put("api/v1/offerings/" + id, """
                {"title": "%s", "service": "TRAINING", "type": "TRAINING_SESSION",
                 "host": "host-%s@example.com", "startsAt": "2027-03-01T15:00:00+00:00",
                 "fee": {"amount": "%s", "currency": "%s"}}""".formatted(title, id, amount, currency));
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        return id;
    }

    /** A new order of {@code offering} by a fresh attendee {@code who-…@example.com}; the answer plus "email". */
    JsonObject place(String offering, String who) {
        String email = who + "-" + Long.toString(System.nanoTime(), 36) + "@example.com";
        ApiClient.Answer a = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Pat Pal"}}""".formatted(offering, email));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return Json.createObjectBuilder(a.json()).add("email", email).build();
    }

    /** The order as it is now, with its transactions. */
    JsonObject now(JsonObject order) {
        return api.get("api/v1/orders/" + order.getString("id")).json();
    }

    /** Whether the order's attendee has access to {@code offering}. */
    boolean granted(JsonObject order, String offering) {
        return api.get("api/v1/entitlements?attendee=" + order.getString("email") + "&offering=" + offering).json()
                .getBoolean("granted");
    }
}
