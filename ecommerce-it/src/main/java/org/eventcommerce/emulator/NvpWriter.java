package org.eventcommerce.emulator;

import java.util.Map;

/**
 * Writes name-value pairs the way the gateway answers them (paypal-protocols.md §1.3, §1.5):
 * {@code NAME=value} joined by {@code &}, and a length tag {@code NAME[n]=value} on every value
 * that holds {@code &} or {@code =} (as the gateway does for {@code SECURETOKEN[25]=...}).
 * The tag counts characters; the endpoint sends the text as ISO-8859-1, so it also counts bytes.
 */
public final class NvpWriter {

    /** Joins the pairs in their iteration order. */
    public String write(Map<String, String> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            String value = pair.getValue() == null ? "" : pair.getValue();
            out.append(pair.getKey());
            if (value.indexOf('&') >= 0 || value.indexOf('=') >= 0) {
                out.append('[').append(value.length()).append(']');
            }
            out.append('=').append(value);
        }
        return out.toString();
    }
}
