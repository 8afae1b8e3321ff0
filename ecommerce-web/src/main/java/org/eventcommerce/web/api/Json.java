package org.eventcommerce.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eventcommerce.payments.money.Money;

/** Small writers for API.md's shapes: Money, instants with offset, nullable strings. */
final class Json {

    private Json() {
    }

    static JsonObjectBuilder object() {
        return jakarta.json.Json.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return jakarta.json.Json.createArrayBuilder();
    }

    /** {@code {"amount": "25.00", "currency": "USD"}}, or JSON null. */
    static JsonValue money(Money m) {
        if (m == null) {
            return JsonValue.NULL;
        }
        return object().add("amount", m.toPlainString()).add("currency", m.currency().getCurrencyCode()).build();
    }

    /** ISO 8601 with the offset of {@code zone}, or JSON null. */
    static JsonValue instant(Instant i, ZoneId zone) {
        return i == null ? JsonValue.NULL
                : jakarta.json.Json.createValue(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone)));
    }

    static JsonValue string(String s) {
        return s == null ? JsonValue.NULL : jakarta.json.Json.createValue(s);
    }
}
