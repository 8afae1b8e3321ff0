package org.eventcommerce.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ordered pairs of one Payflow answer. {@code RESULT} is always the first pair
 * (paypal-protocols.md §1.5, PFP-2009 Table 6.8); the others follow in the order added.
 * Instances are immutable so that a stored answer can be replayed for a duplicate request id (§1.2).
 */
public final class NvpResponse {

    private final Map<String, String> pairs;

    private NvpResponse(Map<String, String> pairs) {
        this.pairs = Collections.unmodifiableMap(pairs);
    }

    /** Starts an answer with its RESULT. */
    public static Builder result(int result) {
        return new Builder(result);
    }

    /** Starts an answer with its RESULT and PayPal's RESPMSG for it. */
    public static Builder resultWithMessage(int result) {
        return new Builder(result).add("RESPMSG", PayflowResult.message(result));
    }

    /** A bare error answer: RESULT and RESPMSG, nothing else (no transaction was created). */
    public static NvpResponse error(int result, String respmsg) {
        return new Builder(result).add("RESPMSG", respmsg).build();
    }

    /** The RESULT code. */
    public int resultCode() {
        return Integer.parseInt(pairs.get("RESULT"));
    }

    /** A value, or {@code null}. */
    public String get(String name) {
        return pairs.get(name);
    }

    /** All pairs, RESULT first. */
    public Map<String, String> pairs() {
        return pairs;
    }

    /** The same answer with {@code DUPLICATE=1} added, as the gateway replays it (§1.2, §1.5). */
    public NvpResponse asDuplicate() {
        Map<String, String> copy = new LinkedHashMap<>(pairs);
        copy.remove("DUPLICATE");
        copy.put("DUPLICATE", "1");
        return new NvpResponse(copy);
    }

    @Override
    public String toString() {
        return new NvpWriter().write(pairs);
    }

    /** Collects pairs in order; null values are skipped. */
    public static final class Builder {
        private final Map<String, String> pairs = new LinkedHashMap<>();

        private Builder(int result) {
            pairs.put("RESULT", Integer.toString(result));
        }

        /** Adds a pair unless the value is null. */
        public Builder add(String name, String value) {
            if (value != null && !"RESULT".equals(name)) {
                pairs.put(name, value);
            }
            return this;
        }

        public NvpResponse build() {
            return new NvpResponse(new LinkedHashMap<>(pairs));
        }
    }
}
