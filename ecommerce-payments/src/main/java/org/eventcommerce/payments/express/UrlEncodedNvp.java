package org.eventcommerce.payments.express;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * The body format of the classic NVP API: {@code NAME=value} pairs joined by {@code &}, names and values
 * URL-encoded as {@code application/x-www-form-urlencoded} in UTF-8, both ways [EC-2012 pp.58-62; §3.1]. There are
 * no length tags (that is Payflow, §1.3): a {@code &} or {@code =} inside a value is percent-encoded.
 *
 * <p>Stateless and thread-safe.
 */
public final class UrlEncodedNvp {

    private UrlEncodedNvp() {
    }

    /**
     * Encodes the pairs in their order; a space becomes {@code +}, everything outside {@code [A-Za-z0-9.*_-]}
     * becomes {@code %XX} of its UTF-8 bytes.
     *
     * @param fields name → value; null values are left out
     * @return e.g. {@code METHOD=SetExpressCheckout&RETURNURL=https%3A%2F%2Fshop.example%2Freturn}
     */
    public static String encode(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    /**
     * Decodes an answer body. An empty body gives an empty map; empty pieces (a trailing {@code &}) are skipped;
     * a pair without {@code =} is a name with an empty value.
     *
     * @param body the answer, e.g. {@code ACK=Success&TOKEN=EC%2d8UN574219E2591514}
     * @return name → value in order, unmodifiable
     * @throws MalformedNvpException for a bad percent escape, an empty name or a name given twice; the message
     *                               never quotes the body
     */
    public static SequencedMap<String, String> decode(String body) {
        Objects.requireNonNull(body, "body");
        SequencedMap<String, String> fields = new LinkedHashMap<>();
        int offset = 0;
        for (String piece : body.strip().split("&", -1)) {
            if (!piece.isEmpty()) {
                int eq = piece.indexOf('=');
                String name = decodePart(eq < 0 ? piece : piece.substring(0, eq), offset);
                String value = eq < 0 ? "" : decodePart(piece.substring(eq + 1), offset + eq + 1);
                if (name.isBlank()) {
                    throw new MalformedNvpException("empty name", offset);
                }
                if (fields.putIfAbsent(name, value) != null) {
                    throw new MalformedNvpException("name given twice", offset);
                }
            }
            offset += piece.length() + 1;
        }
        return Collections.unmodifiableSequencedMap(fields);
    }

    private static String decodePart(String part, int offset) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedNvpException("bad percent escape", offset);
        }
    }

    /** A classic NVP body that cannot be decoded; the message names the problem and offset, never the content. */
    public static final class MalformedNvpException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedNvpException(String problem, int offset) {
            super(problem + " (at offset " + offset + ")");
        }
    }
}
