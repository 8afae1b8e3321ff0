package org.eventcommerce.payments.express;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Removes the platform's secrets from classic NVP text before it is logged or stored: the values of {@code PWD}
 * and {@code SIGNATURE} become {@value #FILTERED} (after ActiveMerchant's {@code scrub}, STYLE.md "Payments"). Names
 * match case-insensitively, URL-encoded or not. {@code USER} and {@code SUBJECT} are not secret and are kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExpressScrubber {

    /** What a secret value is replaced by. */
    public static final String FILTERED = "[FILTERED]";

    /** The names whose values are secret, upper case. */
    public static final Set<String> SECRET_NAMES = Set.of("PWD", "SIGNATURE");

    private ExpressScrubber() {
    }

    /** Whether a field's value is secret; null gives false. */
    public static boolean isSecret(String name) {
        return name != null && SECRET_NAMES.contains(name.strip().toUpperCase(Locale.ROOT));
    }

    /** A copy of {@code fields}, same order, unmodifiable, secret values replaced. */
    public static SequencedMap<String, String> scrub(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        SequencedMap<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, value) -> out.put(name, isSecret(name) ? FILTERED : value));
        return Collections.unmodifiableSequencedMap(out);
    }

    /**
     * {@code body} with the value of every secret pair replaced ({@code PWD=s%26cret} → {@code PWD=[FILTERED]}),
     * everything else kept as it was. Works on malformed bodies too: it only splits on {@code &} and {@code =}, which
     * never occur unencoded inside a URL-encoded value.
     *
     * @param body a request or answer body; null gives null
     */
    public static String scrub(String body) {
        if (body == null) {
            return null;
        }
        String[] pieces = body.split("&", -1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            String piece = pieces[i];
            int eq = piece.indexOf('=');
            String rawName = eq < 0 ? piece : piece.substring(0, eq);
            String name;
            try {
                name = java.net.URLDecoder.decode(rawName, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = rawName;
            }
            out.append(isSecret(name) ? rawName + "=" + FILTERED : piece);
        }
        return out.toString();
    }
}
