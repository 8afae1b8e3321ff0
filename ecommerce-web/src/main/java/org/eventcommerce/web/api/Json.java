package org.eventcommerce.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eventcommerce.payments.money.Money;

/**
 * Small writers for API.md's shapes: Money, instants with offset, nullable strings.
 *
 * <p>Everything goes through one {@link JsonProvider} looked up once: each {@code jakarta.json.Json.createXxx}
 * call looks the provider up again (service loaders, failed class loads), which cost more than the JSON itself
 * when a response holds 10,000 codes (BENCHMARKS.md, benchmark 1).
 */
final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder starting with the members of {@code o}. */
    static JsonObjectBuilder object(jakarta.json.JsonObject o) {
        return PROVIDER.createObjectBuilder(o);
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /**
     * A request body as the idempotency check compares it: an absent or blank body is {@code {}} (the refund and
     * void bodies are optional), JSON is written again without insignificant white space (so {@code {}} and
     * {@code { }} are the same request); text that is not JSON, or nested past the parser's limit, is kept as it is
     * (it will be refused anyway). Members are written in name order at every level, so the same members in another
     * order are the same request (a fresh-user trial's reordered body was an idempotency conflict); array order counts.
     */
    static String canonical(String body) {
        if (body == null || body.isBlank()) {
            return "{}";
        }
        try (JsonReader r = reader(new java.io.StringReader(body))) {
            return sorted(r.readValue()).toString();
        } catch (RuntimeException e) {
            // JsonException for text that is not JSON; Parsson refuses nesting past 1000 levels with a bare
            // RuntimeException (FuzzIT): either way the body is refused later, with a problem, by JsonBody.
            return body;
        }
    }

    /** {@code v} with every object's members in name order (a TreeMap), at every depth. */
    private static JsonValue sorted(JsonValue v) {
        if (v instanceof jakarta.json.JsonObject o) {
            java.util.TreeMap<String, JsonValue> members = new java.util.TreeMap<>();
            o.forEach((k, x) -> members.put(k, sorted(x)));
            jakarta.json.JsonObjectBuilder b = PROVIDER.createObjectBuilder();
            members.forEach(b::add);
            return b.build();
        }
        if (v instanceof jakarta.json.JsonArray a) {
            JsonArrayBuilder b = PROVIDER.createArrayBuilder();
            a.forEach(x -> b.add(sorted(x)));
            return b.build();
        }
        return v;
    }

    /** A reader of {@code json}. */
    static JsonReader reader(Reader json) {
        return PROVIDER.createReader(json);
    }

    /** A JSON number. */
    static JsonValue number(int n) {
        return PROVIDER.createValue(n);
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
                : PROVIDER.createValue(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone)));
    }

    static JsonValue string(String s) {
        return s == null ? JsonValue.NULL : PROVIDER.createValue(s);
    }
}
