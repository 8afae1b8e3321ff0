package org.eventcommerce.emulator.express;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes classic NVP bodies: {@code application/x-www-form-urlencoded}, UTF-8, both ways (§3.1).
 * Written for the emulator from the format's definition, independent of any client.
 *
 * <p>Writing imitates PayPal's answers in the guides ({@code TIMESTAMP=2007%2d04%2d05T23%3a30%3a16Z},
 * {@code VERSION=2%2e300000}): letters and digits stay, a space becomes {@code %20}, every other byte becomes
 * {@code %xx} in lower-case hex, so a client that does not URL-decode fails visibly.
 */
public final class FormCodec {

    private FormCodec() {
    }

    /**
     * Parses a request body or query string. {@code +} is a space; an empty piece is skipped; a name given twice keeps
     * its first value.
     *
     * @throws IllegalArgumentException for a broken {@code %} escape or an empty name
     */
    public static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null) {
            return out;
        }
        for (String piece : body.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = decode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : decode(piece.substring(eq + 1));
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** Writes the pairs in order, encoded as described in the class comment; null values are skipped. */
    public static String write(Map<String, String> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (pair.getValue() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(pair.getKey())).append('=').append(encode(pair.getValue()));
        }
        return out.toString();
    }

    /** PayPal-style encoding of one name or value. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    /**
     * Encoding for a URL's query as browsers see it on PayPal's redirects ({@code ?token=EC-...&PayerID=...}): like
     * {@link #encode(String)} but the unreserved {@code - . _ ~} stay as they are.
     */
    public static String encodeQuery(String text) {
        return encode(text).replace("%2d", "-").replace("%2e", ".").replace("%5f", "_").replace("%7e", "~");
    }

    /** Decodes one name or value ({@code +} → space, {@code %xx} → byte, UTF-8). */
    public static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("broken escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("broken escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
