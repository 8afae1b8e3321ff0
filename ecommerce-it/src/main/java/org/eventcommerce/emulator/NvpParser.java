package org.eventcommerce.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a raw Payflow NVP request body (PARMLIST), written from the guide, not from any client code.
 *
 * <p>Rules (paypal-protocols.md §1.3, WPPPF-2009 pp.14-15 "PARMLIST Syntax Guidelines"):
 * <ul>
 *   <li>pairs {@code NAME=value} joined by {@code &}; values are raw, never URL-decoded (§1.2);</li>
 *   <li>{@code NAME[n]=value} takes exactly {@code n} characters as the value, so it may hold
 *       {@code &} and {@code =}; the body is read as ISO-8859-1 so that one byte is one character;</li>
 *   <li>an untagged value ends at the next {@code &};</li>
 *   <li>syntax errors give the negative RESULTs of PFP-2009 Table 6.10: {@code -6} an {@code &} inside
 *       a name, {@code -7} an invalid {@code []} length clause, {@code -28} an empty name or a name with
 *       no {@code =}, {@code -100} an empty parameter list.</li>
 * </ul>
 */
public final class NvpParser {

    /** Parses bytes as ISO-8859-1 (one byte, one character). */
    public NvpRequest parse(byte[] body) throws NvpFormatException {
        return parse(new String(body, StandardCharsets.ISO_8859_1));
    }

    /** Parses a body already turned into characters. */
    public NvpRequest parse(String body) throws NvpFormatException {
        if (body.isBlank()) {
            throw new NvpFormatException(PayflowResult.EMPTY_PARAMETER_LIST);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        int position = 0;
        int length = body.length();
        while (position < length) {
            int nameStart = position;
            while (position < length) {
                char c = body.charAt(position);
                if (c == '=' || c == '[') {
                    break;
                }
                if (c == '&') {
                    throw new NvpFormatException(PayflowResult.PARAMETER_AMPERSAND_IN_NAME);
                }
                position++;
            }
            String name = body.substring(nameStart, position);
            if (position >= length || name.isEmpty()) {
                throw new NvpFormatException(PayflowResult.PARAMETER_NAME_ERROR);
            }
            String value;
            if (body.charAt(position) == '[') {
                int close = body.indexOf(']', position);
                if (close < 0) {
                    throw new NvpFormatException(PayflowResult.PARAMETER_INVALID_LENGTH_CLAUSE);
                }
                int declared = declaredLength(body.substring(position + 1, close));
                int valueStart = close + 2;
                if (close + 1 >= length || body.charAt(close + 1) != '=' || valueStart + declared > length) {
                    throw new NvpFormatException(PayflowResult.PARAMETER_INVALID_LENGTH_CLAUSE);
                }
                value = body.substring(valueStart, valueStart + declared);
                position = valueStart + declared;
                if (position < length && body.charAt(position) != '&') {
                    // the tag did not end where a pair ends: the length clause is wrong
                    throw new NvpFormatException(PayflowResult.PARAMETER_INVALID_LENGTH_CLAUSE);
                }
            } else {
                int valueStart = position + 1;
                int end = body.indexOf('&', valueStart);
                if (end < 0) {
                    end = length;
                }
                value = body.substring(valueStart, end);
                position = end;
            }
            pairs.put(name, value);
            position++; // skip the '&' (or step past the end)
        }
        return new NvpRequest(pairs);
    }

    private static int declaredLength(String clause) throws NvpFormatException {
        if (clause.isEmpty() || clause.length() > 6) {
            throw new NvpFormatException(PayflowResult.PARAMETER_INVALID_LENGTH_CLAUSE);
        }
        for (int i = 0; i < clause.length(); i++) {
            if (clause.charAt(i) < '0' || clause.charAt(i) > '9') {
                throw new NvpFormatException(PayflowResult.PARAMETER_INVALID_LENGTH_CLAUSE);
            }
        }
        return Integer.parseInt(clause);
    }
}
