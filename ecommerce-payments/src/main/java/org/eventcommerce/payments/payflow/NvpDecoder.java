package org.eventcommerce.payments.payflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * Parses a Payflow NVP response body into an ordered map, honouring length tags exactly.
 *
 * <p>Syntax accepted [WPPPF-2009 pp.14-15; Gateway guide 2012 p.29; §1.3, §1.5]:
 * <ul>
 *   <li>Untagged {@code NAME=value}: the value runs to the next {@code &} or the end; the pair splits at the
 *       <em>first</em> {@code =}, so {@code A=b=c} gives {@code A → "b=c"}.</li>
 *   <li>Tagged {@code NAME[n]=value}: the value is exactly the next {@code n} characters, whatever they are
 *       ({@code &}, {@code =}, spaces), e.g. {@code SECURETOKEN[25]=Fj+1AFUWft0+I0CUFOKh5WA==} or omnipay-payflow's
 *       fixture {@code BILLTOLASTNAME[6]=&= Foo}; it must be followed by {@code &} or the end.</li>
 *   <li>Pairs are joined by {@code &}; one trailing {@code &} and a trailing line break are tolerated.</li>
 *   <li>Names are {@code [A-Za-z0-9_.-]+}, each at most once.</li>
 * </ul>
 * The length tag counts characters of the decoded text; a body is expected in UTF-8 (ASCII in practice, since
 * we send ASCII only). Whether PayPal counts bytes for non-ASCII is undocumented (§1.3, unsure).
 *
 * <p>Stateless and thread-safe.
 */
public final class NvpDecoder {

    private NvpDecoder() {
    }

    /**
     * Parses {@code body}.
     *
     * @param body a response body such as {@code RESULT=0&PNREF=EFHP0D426A53&RESPMSG=APPROVED}
     * @return name → value in body order, unmodifiable; never empty
     * @throws NvpFormatException   when the body is empty or breaks the syntax above (the message gives the
     *                              offset, never body content)
     * @throws NullPointerException when {@code body} is null
     */
    public static SequencedMap<String, String> decode(String body) {
        Objects.requireNonNull(body, "body");
        String text = body;
        if (isLineBreak(text, 0)) {
            throw new NvpFormatException("empty NVP body", 0);
        }
        SequencedMap<String, String> fields = new LinkedHashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != '[' && text.charAt(i) != '&') {
                i++;
            }
            String name = text.substring(nameStart, i);
            if (i == n || text.charAt(i) == '&') {
                throw new NvpFormatException(name.isEmpty() ? "empty pair" : "pair without '='", nameStart);
            }
            requireName(name, nameStart);
            String value;
            if (text.charAt(i) == '[') {
                int close = text.indexOf(']', i + 1);
                if (close < 0) {
                    throw new NvpFormatException("unterminated length tag", i);
                }
                int length = parseLength(text.substring(i + 1, close), i);
                if (close + 1 >= n || text.charAt(close + 1) != '=') {
                    throw new NvpFormatException("length tag not followed by '='", close + 1);
                }
                int valueStart = close + 2;
                if (length > n - valueStart) {
                    throw new NvpFormatException("length tag [" + length + "] runs past the end of the body",
                            valueStart);
                }
                value = text.substring(valueStart, valueStart + length);
                i = valueStart + length;
                if (isLineBreak(text, i)) {
                    i = n; // a trailing line break after the last tagged value
                } else if (i < n && text.charAt(i) != '&') {
                    throw new NvpFormatException("tagged value not followed by '&'", i);
                }
            } else {
                int valueStart = i + 1;
                int amp = text.indexOf('&', valueStart);
                i = amp < 0 ? n : amp;
                int valueEnd = i;
                if (amp < 0) { // last value: drop a trailing line break
                    valueEnd = text.endsWith("\r\n") ? Math.max(valueStart, n - 2)
                            : text.endsWith("\n") ? Math.max(valueStart, n - 1) : n;
                }
                value = text.substring(valueStart, valueEnd);
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new NvpFormatException("name given twice", nameStart);
            }
            if (i < n) {
                i++; // the '&'
                if (i == n) {
                    break; // one trailing '&' is tolerated
                }
            }
        }
        return Collections.unmodifiableSequencedMap(fields);
    }

    private static void requireName(String name, int offset) {
        if (name.isEmpty()) {
            throw new NvpFormatException("empty name", offset);
        }
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                throw new NvpFormatException("invalid character in name", offset + k);
            }
        }
    }

    private static int parseLength(String digits, int offset) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NvpFormatException("length tag is not a number", offset);
        }
        return Integer.parseInt(digits);
    }

    /** True when {@code text} from {@code from} on is nothing, {@code "\n"} or {@code "\r\n"}. */
    private static boolean isLineBreak(String text, int from) {
        String rest = text.substring(from);
        return rest.isEmpty() || rest.equals("\n") || rest.equals("\r\n");
    }
}
