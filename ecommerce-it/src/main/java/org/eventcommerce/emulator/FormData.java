package org.eventcommerce.emulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's own reader and writer of {@code application/x-www-form-urlencoded} text (HTML form posts of the
 * hosted pages, query strings of redirects, the Silent POST body), UTF-8. Unlike Payflow NVP, browser forms and
 * redirects are URL-encoded.
 */
final class FormData {

    private FormData() {
    }

    /** Reads {@code a=1&b=x+y}; the first value of a repeated name wins; null or empty gives an empty map. */
    static Map<String, String> read(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: skip the pair, as lenient form readers do
            }
        }
        return out;
    }

    /** Writes the pairs in order, URL-encoded; null values are skipped. */
    static String write(Map<String, String> pairs) {
        StringBuilder out = new StringBuilder();
        pairs.forEach((name, value) -> {
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

    /** {@code url} with the pairs appended to its query. */
    static String appendQuery(String url, Map<String, String> pairs) {
        String query = write(pairs);
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? "&" : "?") + query;
    }

    /** Escapes text for HTML element content and attribute values. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
