package org.eventcommerce.payments.payflow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Builds a Payflow NVP request body: {@code NAME[n]=value} pairs joined by {@code &}, in the order given.
 *
 * <p>Rules, with their sources (§ = {@code reference/paypal-protocols.md}):
 * <ul>
 *   <li><b>Every value carries a length tag</b> {@code NAME[n]=value}, where {@code n} is the number of characters
 *       of the value as sent, spaces included. A tag lets a value hold {@code &} and {@code =}
 *       ({@code NAME[14]=Ruff & Johnson}) [WPPPF-2009 pp.14-15 "Using Special Characters in Values"; §1.3].
 *       Tagging every field, not only those that need it, is what omnipay-payflow does ({@code encodeData}).</li>
 *   <li><b>No URL encoding</b> [Gateway guide 2014 p.159; DEV "Do Not URL Encode Name-Value Parameter Data"; §1.2].</li>
 *   <li><b>ASCII only</b>: values are folded with {@link #toAscii(String)} (Unicode NFD, diacritics stripped, any
 *       other non-ASCII or control character becomes {@code ?}). Whether a tag counts bytes or characters for
 *       non-ASCII input is undocumented, and an accented name has caused misleading errors (magento2#7835); after
 *       folding, characters and bytes are the same count (§1.3, inference).</li>
 *   <li><b>No double quotes anywhere</b>, "even inside a length tag" [WPPPF-2009 p.14; §1.3]: they are removed.</li>
 *   <li>Names are fixed ASCII identifiers ({@code [A-Za-z0-9_]+}); anything else is a programming error.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NvpEncoder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private NvpEncoder() {
    }

    /**
     * Encodes {@code pairs} in map order; see {@link #encode(List)}.
     *
     * @param pairs name to raw value, in the order to send; values may hold any Unicode text
     * @return the body, pure ASCII, e.g. {@code TRXTYPE[1]=S&TENDER[1]=C&AMT[5]=12.50}
     * @throws IllegalArgumentException when a name is not {@code [A-Za-z0-9_]+} or a value is null
     */
    public static String encode(SequencedMap<String, String> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        return encode(new ArrayList<>(pairs.sequencedEntrySet()));
    }

    /**
     * Encodes an ordered list of name/value pairs as {@code NAME[n]=value&NAME[n]=value...}.
     *
     * @param pairs name and raw value, in the order to send; a name may repeat (the caller's choice)
     * @return the body, pure ASCII; an empty list gives an empty string
     * @throws IllegalArgumentException when a name is not {@code [A-Za-z0-9_]+} or a value is null
     */
    public static String encode(List<? extends Map.Entry<String, String>> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        StringBuilder body = new StringBuilder(pairs.size() * 24);
        for (Map.Entry<String, String> pair : pairs) {
            String name = pair.getKey();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("NVP name must match [A-Za-z0-9_]+: " + name);
            }
            if (pair.getValue() == null) {
                throw new IllegalArgumentException("NVP value for " + name + " is null");
            }
            String value = clean(pair.getValue());
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(name).append('[').append(value.length()).append("]=").append(value);
        }
        return body.toString();
    }

    /**
     * The value exactly as {@link #encode} sends it: folded to ASCII by {@link #toAscii(String)}, then stripped of
     * double quotes ({@code "}), which PayPal forbids anywhere [WPPPF-2009 p.14].
     *
     * @param value any text, not null
     * @return printable ASCII (plus space), without {@code "}
     */
    public static String clean(String value) {
        return toAscii(value).replace("\"", "");
    }

    /**
     * Folds text to printable ASCII: Unicode NFD decomposition, combining marks (diacritics) removed, then each
     * remaining code point outside {@code 0x20..0x7E} replaced by one {@code ?}.
     * Examples: {@code "Noémie Brâncuși"} → {@code "Noemie Brancusi"}; {@code "Straße"} → {@code "Stra?e"}; an
     * emoji (one code point, two UTF-16 chars) → {@code "?"}.
     *
     * <p>Control characters (tab, line feed...) also become {@code ?}: they are ASCII but have no place in a
     * Payflow value (inference, not a documented rule).
     *
     * @param value any text, not null
     * @return text of code points {@code 0x20..0x7E} only
     */
    public static String toAscii(String value) {
        Objects.requireNonNull(value, "value");
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp <= 0x7E ? (char) cp : '?'));
        return out.toString();
    }
}
