package org.eventcommerce.web.api;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;

/**
 * A JSON object read from a request body with every rule of API.md's conventions: unknown fields refused,
 * wrong types reported by field, Money as {@code {"amount": "25.00", "currency": "USD"}} with the amount a
 * string of at most the currency's PayPal decimals. Errors accumulate; {@link #finish()} throws them all at
 * once as a {@link ValidationException} so a request that breaks several rules learns of every one.
 */
public final class JsonBody {

    /**
     * Parsers that refuse an object naming a field twice: Parsson's own switch (its parser does not apply JSON-P's
     * {@code JsonConfig.KEY_STRATEGY}, which only its reader honours; JsonBodyTest proves the refusal).
     */
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(
            java.util.Map.of("org.eclipse.parsson.rejectDuplicateKeys", true, JsonConfig.KEY_STRATEGY,
                    JsonConfig.KeyStrategy.NONE));

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonBody(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Parses {@code body} as a JSON object whose keys are all in {@code allowed}. The body must be one JSON value and
     * nothing after it but white space (a reader stops after the first value: {@code {...} {}} or {@code {...}\0}
     * passed as {@code {...}}), each object must name a field once (RFC 8259 leaves a repeated name's meaning open:
     * the first or the last, depending on who reads it), and nesting stops at the parser's 1000 levels.
     *
     * @throws ValidationException on {@code body}: empty, not JSON or more than one value
     *                             ({@code validation.body.json}), a field named twice
     *                             ({@code validation.body.duplicate}), not an object
     */
    public static JsonBody parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "validation.body.required");
        }
        JsonValue v;
        try (JsonParser p = PARSERS.createParser(new StringReader(body))) {
            p.next();
            v = p.getValue();
            if (p.hasNext()) {
                throw ValidationException.of("body", "validation.body.json");
            }
        } catch (RuntimeException e) {
            // Parsson: JsonParsingException for text that is no JSON or goes on after the value; IllegalStateException
            // "Duplicate key 'x' is not allowed"; a bare RuntimeException for nesting past 1000 levels.
            boolean duplicate = e.getMessage() != null && e.getMessage().startsWith("Duplicate key");
            throw ValidationException.of("body", duplicate ? "validation.body.duplicate" : "validation.body.json");
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ValidationException.of("body", "validation.body.object");
        }
        JsonBody b = new JsonBody(v.asJsonObject(), "", new ArrayList<>());
        b.allowOnly(allowed);
        return b;
    }

    private void allowOnly(Set<String> allowed) {
        for (String k : json.keySet()) {
            if (!allowed.contains(k)) {
                errors.add(new FieldError(prefix + k, "validation.field.unknown"));
            }
        }
    }

    /** Throws the accumulated errors, if any. */
    public void finish() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Throws the accumulated errors together with {@code more} (rules checked by the domain on the values
     * that could be read), one error per field, when there is any error; otherwise does nothing.
     */
    public void finish(java.util.function.Supplier<List<FieldError>> more) {
        if (errors.isEmpty()) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        errors.forEach(e -> seen.add(e.field()));
        for (FieldError e : more.get()) {
            if (seen.add(e.field())) {
                errors.add(e);
            }
        }
        throw new ValidationException(errors);
    }

    /** Adds an error found by the caller. */
    public void error(String field, String key, Object... args) {
        errors.add(new FieldError(prefix + field, key, args));
    }

    public boolean has(String name) {
        return json.containsKey(name) && json.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * A string field, or null when absent/null; a non-string is an error, and so is a string with control
     * characters ({@link Texts#isText}: NUL, escape, half a surrogate pair...).
     */
    public String string(String name, boolean required) {
        if (!has(name)) {
            if (required) {
                error(name, "validation.required");
            }
            return null;
        }
        return text(name, json.get(name));
    }

    /**
     * {@code v} (an item of an array, say) as a string reported under {@code field} (relative to this object, e.g.
     * {@code codes[2]}): null for JSON null; an error and null when it is no string or holds control characters.
     */
    public String text(String field, JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            error(field, "validation.type.string");
            return null;
        }
        String s = ((JsonString) v).getString();
        if (!Texts.isText(s)) {
            error(field, Texts.NOT_TEXT);
            return null;
        }
        return s;
    }

    /** A boolean field; absent gives {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonValue v = json.get(name);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        error(name, "validation.type.boolean");
        return fallback;
    }

    /** A whole-number field, or null when absent; a non-integer is an error. */
    public Integer integer(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = json.get(name);
        if (v.getValueType() == JsonValue.ValueType.NUMBER && ((jakarta.json.JsonNumber) v).isIntegral()) {
            try {
                return ((jakarta.json.JsonNumber) v).intValueExact();
            } catch (ArithmeticException e) {
                error(name, "validation.type.integer");
                return null;
            }
        }
        error(name, "validation.type.integer");
        return null;
    }

    /** An enum field by its exact name; unknown values are an error listing the allowed ones. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String s = string(name, required);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            }
            error(name, "validation.enum", allowed.toString());
            return null;
        }
    }

    /** An ISO 8601 instant with offset, or null. */
    public OffsetDateTime instant(String name) {
        String s = string(name, false);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            error(name, "validation.instant");
            return null;
        }
    }

    /** A nested object with its own allowed keys, or null when absent. */
    public JsonBody object(String name, Set<String> allowed, boolean required) {
        if (!has(name)) {
            if (required) {
                error(name, "validation.required");
            }
            return null;
        }
        JsonValue v = json.get(name);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            error(name, "validation.type.object");
            return null;
        }
        JsonBody b = new JsonBody(v.asJsonObject(), prefix + name + ".", errors);
        b.allowOnly(allowed);
        return b;
    }

    /** The keys present in this object. */
    public Set<String> keys() {
        return json.keySet();
    }

    /** The raw value, for arrays. */
    public JsonValue raw(String name) {
        return json.get(name);
    }

    /** A Money object ({@code amount} string, {@code currency} ISO 4217), or null when absent or JSON null. */
    public Money money(String name, boolean required) {
        JsonBody m = object(name, Set.of("amount", "currency"), required);
        if (m == null) {
            return null;
        }
        String amount = m.string("amount", true);
        String currency = m.string("currency", true);
        if (amount == null || currency == null) {
            return null;
        }
        Currency c;
        try {
            c = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            m.error("currency", "validation.currency.iso");
            return null;
        }
        if (!PayPalCurrencies.isSupported(c.getCurrencyCode())) {
            m.error("currency", "validation.currency.unsupported", c.getCurrencyCode());
            return null;
        }
        if (amount.matches("-?\\d{14,}(\\.\\d+)?")) {
            // A number, only far too large for any amount (fresh-user trial: "99999999999999999999.00" was told
            // to be written "as a plain number").
            m.error("amount", "validation.amount.digits", 13);
            return null;
        }
        if (!amount.matches("-?\\d{1,13}(\\.\\d{1,4})?")) {
            m.error("amount", "validation.amount.format");
            return null;
        }
        BigDecimal a = new BigDecimal(amount);
        int decimals = PayPalCurrencies.decimals(c);
        if (a.scale() > decimals) {
            m.error("amount", "validation.amount.decimals", decimals, c.getCurrencyCode());
            return null;
        }
        return new Money(a, c);
    }
}
