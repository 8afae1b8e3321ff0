package org.eventcommerce.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One changed field of an audit entry: its name (the API's field path, e.g. {@code merchantName} or
 * {@code provider.credentials.TEST.vendor}), the value before and the value after, as text; null means "no value".
 * A secret is never a value here: see {@link #diff}.
 */
public record FieldChange(String field, String oldValue, String newValue) {

    /** What a changed secret's new value is written as. */
    public static final String CHANGED = "(changed)";
    /** A secret's old value when one was stored. */
    public static final String SET = "(set)";
    /** A secret's old value when none was stored. */
    public static final String NOT_SET = "(not set)";

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    /**
     * The fields whose value differs between {@code before} and {@code after}, in the order of {@code after}'s keys
     * (then keys only {@code before} has). A field named in {@code secrets} is compared by its stored form (for
     * example a ciphertext, which is new whenever the secret is replaced) and written as {@link #SET} or
     * {@link #NOT_SET} before and {@link #CHANGED} after, never as a value.
     *
     * @param before  field → value before the change (null values allowed)
     * @param after   field → value after the change (null values allowed)
     * @param secrets the names of secret fields
     * @return the changes, empty when nothing changed
     */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after, Set<String> secrets) {
        List<FieldChange> out = new ArrayList<>();
        java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        for (String f : fields) {
            String old = before.get(f);
            String now = after.get(f);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (secrets.contains(f)) {
                out.add(new FieldChange(f, old == null ? NOT_SET : SET, now == null ? NOT_SET : CHANGED));
            } else {
                out.add(new FieldChange(f, old, now));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return field + ": " + oldValue + " -> " + newValue;
    }
}
