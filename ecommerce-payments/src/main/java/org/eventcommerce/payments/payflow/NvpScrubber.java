package org.eventcommerce.payments.payflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Removes secrets from Payflow NVP text before it is logged or stored: the values of {@code ACCT} (card
 * number), {@code CVV2} (card security code), {@code PWD} (account password) and {@code SECURETOKEN} (a bearer
 * token for the hosted page, §1.7) become {@value #FILTERED}. Names match case-insensitively.
 *
 * <p>Modelled on ActiveMerchant's {@code payflow.rb#scrub} and its {@code test_scrub} (STYLE.md "Payments"); the
 * NVP names are those of [PFP-2009 Table 4.1] (§1.4). PCI DSS forbids keeping the security code at all and the
 * full card number in clear (inference: the usual reading; no PayPal source in §1).
 *
 * <p>Stateless and thread-safe.
 */
public final class NvpScrubber {

    /** What a secret value is replaced by. */
    public static final String FILTERED = "[FILTERED]";

    /** The names whose values are secret, upper case. */
    public static final Set<String> SECRET_NAMES = Set.of("ACCT", "CVV2", "PWD", "SECURETOKEN");

    private NvpScrubber() {
    }

    /**
     * Whether a field's value is secret.
     *
     * @param name an NVP name, any case, surrounding spaces ignored; may be null
     * @return true for ACCT, CVV2, PWD and SECURETOKEN
     */
    public static boolean isSecret(String name) {
        return name != null && SECRET_NAMES.contains(name.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * A copy of {@code fields} with every secret value replaced by {@value #FILTERED}.
     *
     * @param fields name → value, e.g. from {@link NvpDecoder#decode(String)}
     * @return a new ordered map, same order, unmodifiable
     */
    public static SequencedMap<String, String> scrub(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        SequencedMap<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, value) -> out.put(name, isSecret(name) ? FILTERED : value));
        return Collections.unmodifiableSequencedMap(out);
    }

    /**
     * {@code body} with every secret value replaced: {@code ACCT[16]=4111111111111111} becomes
     * {@code ACCT[10]=[FILTERED]} (the tag re-counted, so the result is still valid NVP) and {@code PWD=secret}
     * becomes {@code PWD=[FILTERED]}. Everything else is kept byte for byte.
     *
     * <p>Lenient by design, since it also runs on bodies that {@link NvpDecoder} refuses: a tagged secret whose tag
     * is too short is filtered up to the next {@code &} as well; a tag too long filters to the end; after a length
     * tag that cannot be read, the rest is scrubbed piece by piece on {@code &} (a secret name loses its whole
     * piece, a nameless piece holding a digit is replaced). Only a secret value holding a raw {@code &} without a
     * valid length tag (never sent by {@link NvpEncoder}) could keep its part after the {@code &}.
     *
     * @param body an NVP request or response body, possibly malformed; null gives null
     * @return the scrubbed body
     */
    public static String scrub(String body) {
        if (body == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && body.charAt(j) != '=' && body.charAt(j) != '[' && body.charAt(j) != '&') {
                j++;
            }
            String name = body.substring(i, j);
            if (j == n) {
                out.append(name);
                break;
            }
            char c = body.charAt(j);
            if (c == '&') {
                out.append(body, i, j + 1);
                i = j + 1;
                continue;
            }
            if (c == '[') {
                int close = body.indexOf(']', j + 1);
                Integer length = close < 0 ? null : parseLength(body.substring(j + 1, close));
                if (length == null || close + 1 >= n || body.charAt(close + 1) != '=') {
                    out.append(scrubUnreadableTail(body.substring(i)));
                    break;
                }
                int valueStart = close + 2;
                int valueEnd = (int) Math.min(n, (long) valueStart + length);
                if (isSecret(name)) {
                    out.append(name).append('[').append(FILTERED.length()).append("]=").append(FILTERED);
                    if (valueEnd < n && body.charAt(valueEnd) != '&') { // tag too short: filter to the next '&'
                        int amp = body.indexOf('&', valueEnd);
                        valueEnd = amp < 0 ? n : amp;
                    }
                } else {
                    out.append(body, i, valueEnd);
                }
                i = valueEnd;
                continue;
            }
            // '=' : untagged value up to the next '&'
            int amp = body.indexOf('&', j + 1);
            int valueEnd = amp < 0 ? n : amp;
            if (isSecret(name)) {
                out.append(name).append('=').append(FILTERED);
            } else {
                out.append(body, i, valueEnd);
            }
            i = valueEnd;
        }
        return out.toString();
    }

    /**
     * The rest of a body whose length tag cannot be read: the pairs are re-split on '&' and every pair whose name
     * (before '[' or '=') is secret is replaced as a whole; a piece without any name is kept only if it holds no
     * digit (so no card number or code can slip through).
     */
    private static String scrubUnreadableTail(String tail) {
        StringBuilder out = new StringBuilder(tail.length());
        String[] pieces = tail.split("&", -1);
        for (int k = 0; k < pieces.length; k++) {
            if (k > 0) {
                out.append('&');
            }
            String piece = pieces[k];
            int end = 0;
            while (end < piece.length() && piece.charAt(end) != '[' && piece.charAt(end) != '=') {
                end++;
            }
            String name = piece.substring(0, end);
            if (isSecret(name)) {
                out.append(name).append('=').append(FILTERED);
            } else if (k == 0 || end < piece.length() || piece.chars().noneMatch(Character::isDigit)) {
                out.append(piece);
            } else {
                out.append(FILTERED);
            }
        }
        return out.toString();
    }

    private static Integer parseLength(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return Integer.parseInt(digits);
    }
}
