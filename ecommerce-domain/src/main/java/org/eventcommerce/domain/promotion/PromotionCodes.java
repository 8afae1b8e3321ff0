package org.eventcommerce.domain.promotion;

import java.util.Locale;
import java.util.regex.Pattern;
import org.eventcommerce.domain.common.ValidationException;

/**
 * The shape of promotion codes (issue 3, "Creating codes"; API.md, "Promotion codes"). Codes are stored and
 * compared in one normalized form only: {@link #normalize(String)} is applied to what an administrator types
 * as a custom code, to what an attendee types on the payment page and to every search by code.
 *
 * <ul>
 *   <li>Normalized form: surrounding whitespace stripped, including the non-breaking and other Unicode spaces
 *       that copying from a mail or a spreadsheet brings (U+00A0, U+2007, U+202F, U+FEFF, ...); then
 *       upper-cased with {@link Locale#ROOT} (never the server's locale: in Turkish {@code i} would become
 *       {@code İ}).</li>
 *   <li>Custom codes: {@value #MIN_LENGTH}–{@value #MAX_LENGTH} letters A–Z and digits after normalizing,
 *       whatever the requested code length says (API.md).</li>
 *   <li>Generated codes: {@link CodeGenerator}, from {@link #ALPHABET}, which leaves out the look-alike
 *       characters 0, O, 1, I and L (issue 3).</li>
 * </ul>
 */
public final class PromotionCodes {

    /** The shortest code, generated or custom. */
    public static final int MIN_LENGTH = 4;
    /** The longest code, generated or custom. */
    public static final int MAX_LENGTH = 32;

    /** The length of GENERATED codes when none is asked (the create page's default; API.md's example). */
    public static final int DEFAULT_LENGTH = 8;
    /** The characters of generated codes: A–Z and 2–9 without 0, O, 1, I and L (31 characters). */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final Pattern CUSTOM = Pattern.compile("[A-Z0-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private PromotionCodes() {
    }

    /**
     * The stored and compared form of a code: surrounding spaces (see {@link #isSpace(int)}) stripped, then
     * upper-cased with {@link Locale#ROOT}. Inner characters are kept as they are, so {@code "spring 26"}
     * stays two words and is refused by {@link #isValidCustom(String)}.
     *
     * @param raw a code as typed; may be null
     * @return the normalized code, {@code ""} when {@code raw} held only spaces, null when {@code raw} is null
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        return strip(raw).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a normalized code is acceptable as a custom code: {@value #MIN_LENGTH}–{@value #MAX_LENGTH}
     * characters, each a letter A–Z or a digit 0–9 (so no accented letters, dashes or inner spaces).
     *
     * @param normalized the result of {@link #normalize(String)}; null is not valid
     */
    public static boolean isValidCustom(String normalized) {
        return normalized != null && CUSTOM.matcher(normalized).matches();
    }

    /**
     * Normalizes a custom code typed by the administrator and checks its shape.
     *
     * @param raw the code as typed (API field {@code customCode})
     * @return the normalized code
     * @throws ValidationException on field {@code customCode}: {@code validation.required} when blank,
     *         {@code validation.promotionCode.custom} (arguments: {@value #MIN_LENGTH}, {@value #MAX_LENGTH})
     *         when not {@link #isValidCustom(String) valid}
     */
    public static String requireCustom(String raw) {
        String code = normalize(raw);
        if (code == null || code.isEmpty()) {
            throw ValidationException.of("customCode", "validation.required");
        }
        if (!isValidCustom(code)) {
            throw ValidationException.of("customCode", "validation.promotionCode.custom", MIN_LENGTH, MAX_LENGTH);
        }
        return code;
    }

    /**
     * Whether a code point counts as a surrounding space: Java whitespace (space, tab, line breaks), any
     * Unicode space separator (which {@link String#strip()} misses for U+00A0, U+2007 and U+202F), and the
     * invisible U+FEFF (byte-order mark / zero-width no-break space), U+200B (zero-width space), U+2060
     * (word joiner) and U+180E (Mongolian vowel separator).
     */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFEFF || cp == 0x200B
                || cp == 0x2060 || cp == 0x180E;
    }

    /** {@code s} without surrounding {@link #isSpace(int) spaces}; never null for a non-null argument. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }
}
