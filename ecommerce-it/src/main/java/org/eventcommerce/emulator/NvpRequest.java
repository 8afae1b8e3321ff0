package org.eventcommerce.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name-value pairs of one Payflow request, in the order they were sent.
 *
 * <p>Names are looked up without regard to case; values are kept exactly as sent (no URL decoding,
 * paypal-protocols.md §1.2 "Do Not URL Encode"). When a name is sent twice, the last value wins.
 */
public final class NvpRequest {

    private final Map<String, String> values;

    NvpRequest(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name.toUpperCase(Locale.ROOT), value));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The value of a parameter, if it was sent. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The value of a parameter, or {@code ""} when it was not sent. */
    public String value(String name) {
        return get(name).orElse("");
    }

    /** The value of a parameter, or {@code null} when it was absent or empty. */
    public String nonEmpty(String name) {
        String value = values.get(name.toUpperCase(Locale.ROOT));
        return value == null || value.isEmpty() ? null : value;
    }

    /** Whether a parameter was sent with a non-empty value. */
    public boolean has(String name) {
        return nonEmpty(name) != null;
    }

    /** All pairs, names upper-cased, in the order sent. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The names only: values may hold card data and are never printed. */
    @Override
    public String toString() {
        return "NvpRequest" + values.keySet();
    }
}
